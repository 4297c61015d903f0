package org.guanjia.interchange;

import static org.guanjia.db.Tables.ASSIGNMENTS;
import static org.guanjia.db.Tables.BUILDINGS;
import static org.guanjia.db.Tables.CLUSTERS;
import static org.guanjia.db.Tables.COLLECTION_ACTIONS;
import static org.guanjia.db.Tables.COMPLAINTS;
import static org.guanjia.db.Tables.PAYMENTS;
import static org.guanjia.db.Tables.STAFF;
import static org.guanjia.db.Tables.UNITS;
import static org.guanjia.db.Tables.VACANCY_INSPECTIONS;
import static org.guanjia.db.Tables.VISITS;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.guanjia.audit.AuditService;
import org.guanjia.base.CurrentUser;
import org.guanjia.base.Role;
import org.guanjia.base.ValidationException;
import org.guanjia.interchange.InterchangeFiles.ColumnSpec;
import org.guanjia.interchange.InterchangeFiles.FileSpec;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the stored data as the interchange files of IMPORT.md (all of it, or one estate with
 * everything its records point to), so that importing them into an empty store reproduces
 * every table the format covers and every KPI. Rows are streamed from the database one file
 * at a time, ordered by their key, so the output is the same for the same data.
 *
 * <p>Voided payments are left out: the format has no column for the void, and a voided
 * payment takes no part in the allocation or any KPI.
 */
@Service
@Transactional(readOnly = true)
public class ExportService {

    private final DSLContext db;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final Clock clock;

    public ExportService(DSLContext db, CurrentUser currentUser, AuditService audit, Clock clock) {
        this.db = db;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Writes every file of the format (a file with only its header when there are no rows)
     * to {@code target}. {@code estateCode} empty = all data.
     */
    @Transactional
    public ExportSummary export(ExportTarget target, Optional<String> estateCode,
            ExportProgress progress) {
        currentUser.require(Role.ADMIN, Role.FINANCE);
        long started = clock.millis();
        estateCode.ifPresent(code -> {
            if (!db.fetchExists(org.guanjia.db.Tables.ESTATES,
                    org.guanjia.db.Tables.ESTATES.ESTATE_CODE.eq(code))) {
                throw ValidationException.of("estate", "xfer.unknownEstate", code);
            }
        });
        List<FileSpec> files = InterchangeFiles.FILES;
        List<ExportSummary.FileRows> counts = new ArrayList<>();
        int i = 0;
        for (FileSpec spec : files) {
            progress.update((double) i++ / files.size(), target.format().fileName(spec));
            counts.add(new ExportSummary.FileRows(target.format().fileName(spec),
                    write(spec, target, estateCode)));
        }
        progress.update(1.0, "");
        ExportSummary summary = new ExportSummary(estateCode.orElse(null), target.format(), counts,
                Duration.ofMillis(clock.millis() - started));
        audit.record("export", "interchange", estateCode.orElse("*"), summary.describe());
        return summary;
    }

    private long write(FileSpec spec, ExportTarget target, Optional<String> estateCode) {
        List<Field<?>> fields = spec.columns().stream().<Field<?>>map(ColumnSpec::field).toList();
        List<String> names = spec.columns().stream().map(ColumnSpec::name).toList();
        Condition where = estateCode.map(code -> inEstate(spec.table(), code))
                .orElse(DSL.noCondition());
        if (spec.table().equals(PAYMENTS)) {
            where = where.and(PAYMENTS.VOIDED_ON.isNull());
        }
        List<Field<?>> order = spec.keyColumns().stream()
                .<Field<?>>map(k -> spec.column(k).orElseThrow().field()).toList();
        long rows = 0;
        try (ExportTarget.FileWriter out = target.open(spec, names);
                Cursor<Record> cursor = db.select(fields).from(spec.table()).where(where)
                        .orderBy(order.stream().map(Field::asc).toList()).fetchLazy()) {
            String[] cells = new String[fields.size()];
            for (Record r : cursor) {
                for (int c = 0; c < cells.length; c++) {
                    cells[c] = InterchangeFiles.format(spec.columns().get(c).type(), r.get(c));
                }
                out.row(spec.columns(), cells);
                rows++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /**
     * The rows of {@code table} that belong to the estate, found by the first of its columns
     * estate, cluster, building, unit that it has; staff are the estate's butlers and whoever
     * its exported records name, so the estate's files import on their own.
     */
    private Condition inEstate(Table<?> table, String estateCode) {
        var clusters = DSL.select(CLUSTERS.CLUSTER_CODE).from(CLUSTERS)
                .where(CLUSTERS.ESTATE_CODE.eq(estateCode));
        var buildings = DSL.select(BUILDINGS.BUILDING_CODE).from(BUILDINGS)
                .where(BUILDINGS.CLUSTER_CODE.in(clusters));
        var units = DSL.select(UNITS.UNIT_CODE).from(UNITS)
                .where(UNITS.BUILDING_CODE.in(buildings));
        if (table.equals(STAFF)) {
            return STAFF.STAFF_CODE.in(DSL.select(ASSIGNMENTS.STAFF_CODE).from(ASSIGNMENTS)
                            .where(ASSIGNMENTS.CLUSTER_CODE.in(clusters)))
                    .or(STAFF.STAFF_CODE.in(DSL.select(COLLECTION_ACTIONS.STAFF_CODE)
                            .from(COLLECTION_ACTIONS).where(COLLECTION_ACTIONS.UNIT_CODE.in(units))))
                    .or(STAFF.STAFF_CODE.in(DSL.select(COMPLAINTS.RESPONDER_CODE).from(COMPLAINTS)
                            .where(COMPLAINTS.UNIT_CODE.in(units))))
                    .or(STAFF.STAFF_CODE.in(DSL.select(VACANCY_INSPECTIONS.STAFF_CODE)
                            .from(VACANCY_INSPECTIONS).where(VACANCY_INSPECTIONS.UNIT_CODE.in(units))))
                    .or(STAFF.STAFF_CODE.in(DSL.select(VISITS.STAFF_CODE).from(VISITS)
                            .where(VISITS.UNIT_CODE.in(units))));
        }
        Field<String> estate = stringField(table, "estate_code");
        if (estate != null) {
            return estate.eq(estateCode);
        }
        Field<String> cluster = stringField(table, "cluster_code");
        if (cluster != null) {
            return cluster.in(clusters);
        }
        Field<String> building = stringField(table, "building_code");
        if (building != null) {
            return building.in(buildings);
        }
        Field<String> unit = stringField(table, "unit_code");
        if (unit != null) {
            return unit.in(units);
        }
        throw new IllegalStateException("No estate path for " + table.getName());
    }

    @SuppressWarnings("unchecked")
    private static Field<String> stringField(Table<?> table, String name) {
        return (Field<String>) table.field(name);
    }

    /** Progress of an export: the share done and the file being written. */
    @FunctionalInterface
    public interface ExportProgress {
        ExportProgress NONE = (fraction, file) -> {
        };

        void update(double fraction, String file);
    }
}

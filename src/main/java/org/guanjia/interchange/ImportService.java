package org.guanjia.interchange;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.notExists;
import static org.jooq.impl.DSL.or;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.table;
import static org.jooq.impl.DSL.when;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.guanjia.analytics.KpiSummaryMaintenance;
import org.guanjia.audit.AuditService;
import org.guanjia.base.CurrentUser;
import org.guanjia.base.Role;
import org.guanjia.billing.AllocationService;
import org.guanjia.db.DefaultSchema;
import org.guanjia.interchange.ImportSource.DataFile;
import org.guanjia.interchange.InterchangeFiles.ColumnSpec;
import org.guanjia.interchange.InterchangeFiles.ColumnType;
import org.guanjia.interchange.InterchangeFiles.FileSpec;
import org.guanjia.interchange.References.Reference;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.ForeignKey;
import org.jooq.Record;
import org.jooq.Record3;
import org.jooq.SelectField;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports the files of the interchange format (IMPORT.md): all or nothing, idempotent.
 *
 * <p>How: every file is read as a stream and each cell checked in Java, the rows going into a
 * staging table per file (DuckDB appender, with the row number). The checks across rows and
 * files — duplicate keys, references into the import or the store, the date cross-checks, a
 * payment's statement — then run as SQL over the staging tables, as do the counts of new,
 * changed and unchanged rows. Only when nothing is wrong (and it is not a dry run) are the rows
 * upserted, file by file in dependency order, in the same transaction: changed columns of stored
 * rows updated, new rows inserted; then the allocation of the units whose statements or
 * payments changed is recomputed, and the import is written to the audit log. Any problem, and
 * every dry run, rolls the transaction back, staging tables included.
 *
 * <p>Columns a file leaves out keep their stored values on update and take the table's defaults
 * on insert; complaints.status and repairs.status of new rows follow from the imported times.
 */
@Service
public class ImportService {

    private static final Logger log = LoggerFactory.getLogger(ImportService.class);

    /** Problems listed in a report; all are counted. */
    static final int MAX_PROBLEMS = 200;

    /** The files of records the workload counts per staff member and month (V033). */
    private static final Set<String> WORK_FILES =
            Set.of("collection_actions", "complaints", "vacancy_inspections", "visits");
    private static final long PROGRESS_ROWS = 100_000;
    private static final Field<Long> ROW = field(name("s", "_row"), Long.class);

    private final DSLContext dsl;
    private final DataSource dataSource;
    private final TransactionTemplate transaction;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final AllocationService allocation;
    private final KpiSummaryMaintenance summaries;
    private final Clock clock;
    private final ImportLimits limits;

    public ImportService(DSLContext dsl, DataSource dataSource, PlatformTransactionManager transactionManager,
            CurrentUser currentUser, AuditService audit, AllocationService allocation,
            KpiSummaryMaintenance summaries, Clock clock, ImportLimits limits) {
        this.summaries = summaries;
        this.dsl = dsl;
        this.dataSource = dataSource;
        this.transaction = new TransactionTemplate(transactionManager);
        this.currentUser = currentUser;
        this.audit = audit;
        this.allocation = allocation;
        this.clock = clock;
        this.limits = limits;
    }

    /** Validates everything, then writes all or nothing (unless dryRun). Roles ADMIN, FINANCE; the system (CLI) may. */
    public ImportReport run(ImportSource source, boolean dryRun, ImportProgress progress) {
        currentUser.require(Role.ADMIN, Role.FINANCE);
        return run(source, dryRun, progress, limits);
    }

    /** {@link #run} with other limits (tests). */
    ImportReport run(ImportSource source, boolean dryRun, ImportProgress progress, ImportLimits limits) {
        currentUser.require(Role.ADMIN, Role.FINANCE);
        long start = System.nanoTime();
        Problems problems = new Problems(MAX_PROBLEMS);
        ImportProgress p = progress == null ? ImportProgress.NONE : progress;
        List<DataFile> files;
        try {
            files = source.open(limits, problems);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Run run = new Run(files, problems, p, limits);
        Boolean written = transaction.execute(status -> {
            boolean ok = run.execute(dryRun);
            if (!ok) {
                status.setRollbackOnly();
            } else if (!dryRun) {
                // DuckDB writes the import's rows and indexes to the file when it commits
                p.update(0.95, "imp.step.saving");
            }
            return ok;
        });
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        p.update(1.0, "imp.step.done");
        ImportReport report = new ImportReport(dryRun, Boolean.TRUE.equals(written), run.counts,
                problems.sorted(), problems.count(), run.rows, took);
        log.info("Import of {} ({}): {} rows, {} problems, written {}, {} ms", source.describe(),
                dryRun ? "dry run" : "for real", report.rows(), report.problemCount(), report.written(),
                took.toMillis());
        return report;
    }

    /** One import: its staging tables live in the transaction it runs in. */
    private final class Run {
        private final List<DataFile> files;
        private final Problems problems;
        private final ImportProgress progress;
        private final ImportLimits limits;
        private final Map<FileSpec, Set<String>> present = new LinkedHashMap<>();
        private final Map<FileSpec, DataFile> staged = new LinkedHashMap<>();
        private final List<FileCounts> counts = new ArrayList<>();
        private long rows;

        Run(List<DataFile> files, Problems problems, ImportProgress progress, ImportLimits limits) {
            this.files = files;
            this.problems = problems;
            this.progress = progress;
            this.limits = limits;
        }

        /** True when the data was written. */
        boolean execute(boolean dryRun) {
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try {
                long t0 = System.nanoTime();
                stage(connection);
                long t1 = System.nanoTime();
                progress.update(0.55, "imp.step.checking");
                check();
                long t2 = System.nanoTime();
                count();
                long t3 = System.nanoTime();
                log.debug("Import: read {} ms, checks {} ms, counts {} ms", (t1 - t0) / 1_000_000,
                        (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);
                if (!problems.isEmpty() || dryRun) {
                    return false;
                }
                write();
                drop(connection);
                log.debug("Import: written in {} ms", (System.nanoTime() - t3) / 1_000_000);
                return true;
            } catch (SQLException e) {
                throw new IllegalStateException("Import failed: " + e.getMessage(), e);
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        }

        private void stage(Connection connection) throws SQLException {
            int i = 0;
            for (DataFile f : files) {
                double from = 0.5 * i++ / Math.max(1, files.size());
                progress.update(from, "imp.step.reading", f.name());
                long[] seen = {0};
                Runnable onRow = () -> {
                    if (++seen[0] % PROGRESS_ROWS == 0) {
                        progress.update(from, "imp.step.readingRows", f.name(), seen[0]);
                    }
                };
                try (Staging staging = new Staging(connection, f.name(), f.spec(), !f.xlsx(),
                        limits.maxCellChars(), problems, onRow)) {
                    try {
                        PipelinedReader.read(f.name(), sink -> {
                            if (f.xlsx()) {
                                XlsxFileReader.read(f.path(), sink);
                            } else {
                                CsvFileReader.read(f.path(), limits.maxCellChars(), sink);
                            }
                        }, staging);
                    } catch (IOException e) {
                        staging.fatal(0, "imp.problem.unreadable", String.valueOf(e.getMessage()));
                    }
                    staging.close();
                    rows += staging.rows();
                    present.put(f.spec(), staging.present());
                    staged.put(f.spec(), f);
                }
            }
        }

        private void drop(Connection connection) throws SQLException {
            try (Statement st = connection.createStatement()) {
                for (FileSpec f : staged.keySet()) {
                    st.execute("drop table if exists \"" + Staging.tableName(f) + "\"");
                }
            }
        }

        // ---- checks across rows and files ----

        private void check() {
            for (FileSpec f : staged.keySet()) {
                duplicates(f);
                references(f);
                crossChecks(f);
                referencedChanges(f);
            }
            FileSpec payments = InterchangeFiles.byName("payments").orElseThrow();
            if (staged.containsKey(payments) && present.get(payments).contains("statement_no")) {
                paymentStatements(payments);
            }
        }

        private void duplicates(FileSpec f) {
            List<Field<Object>> keys = f.keyColumns().stream().map(k -> s(k)).toList();
            Condition complete = keys.stream().map(Field::isNotNull).reduce(noCondition(), Condition::and);
            Table<?> d = dsl.select(ROW.as("r"), min(ROW).over().partitionBy(keys).as("first"),
                            max(ROW).over().partitionBy(keys).as("last"),
                            DSL.count().over().partitionBy(keys).as("n"))
                    .select(keys)
                    .from(stg(f)).where(complete).asTable("d");
            Field<Long> r = field(name("d", "r"), Long.class);
            for (Record rec : dsl.select(d.fields()).from(d).where(field(name("d", "n"), Integer.class).gt(1))
                    .orderBy(r)) {
                long row = rec.get("r", Long.class);
                long first = rec.get("first", Long.class);
                long other = row == first ? rec.get("last", Long.class) : first;
                String key = f.keyColumns().stream().map(k -> String.valueOf(rec.get(name("d", k))))
                        .collect(Collectors.joining(" / "));
                problems.add(fileName(f), row, String.join(", ", f.keyColumns()), "imp.problem.duplicateKey",
                        key, other);
            }
        }

        private void references(FileSpec f) {
            for (ColumnSpec c : f.columns()) {
                Optional<Reference> ref = reference(f, c);
                if (ref.isEmpty() || !present.get(f).contains(c.name())) {
                    continue;
                }
                Table<?> target = ref.get().target();
                Field<?> targetKey = ref.get().targetField();
                Condition dangling = s(c.name()).isNotNull()
                        .and(notExists(selectOne().from(target).where(eq(targetKey, s(c.name())))));
                Optional<FileSpec> targetFile = InterchangeFiles.FILES.stream()
                        .filter(x -> x.table().equals(target)).findFirst();
                if (targetFile.isPresent() && staged.containsKey(targetFile.get())) {
                    Table<?> x = table(name(Staging.tableName(targetFile.get()))).as("x");
                    dangling = dangling.and(notExists(selectOne().from(x)
                            .where(field(name("x", targetKey.getName())).eq(s(c.name())))));
                }
                String targetName = targetFile.map(FileSpec::name).orElse(target.getName());
                for (Record rec : dsl.select(ROW, s(c.name())).from(stg(f)).where(dangling).orderBy(ROW)) {
                    problems.add(fileName(f), rec.get(ROW), c.name(), "imp.problem.dangling",
                            rec.get(1), targetName);
                }
            }
        }

        /** A date that must not be before another of the same row, stored or imported. */
        private record Order(String file, String later, String earlier) {
        }

        private static final List<Order> ORDERS = List.of(
                new Order("complaints", "first_response_at", "received_at"),
                new Order("complaints", "resolved_at", "received_at"),
                new Order("complaints", "replied_at", "received_at"),
                new Order("complaints", "return_visit_at", "received_at"),
                new Order("complaints", "closed_at", "received_at"),
                new Order("repairs", "completed_at", "reported_at"),
                new Order("repairs", "return_visit_at", "completed_at"),
                new Order("repairs", "assigned_at", "reported_at"),
                new Order("assignments", "to_date", "from_date"),
                new Order("payments", "voided_on", "paid_on"),
                new Order("vacancy_inspections", "owner_informed_on", "inspected_on"));

        private void crossChecks(FileSpec f) {
            Set<String> cols = present.get(f);
            for (Order o : ORDERS) {
                if (!o.file().equals(f.name()) || (!cols.contains(o.later()) && !cols.contains(o.earlier()))) {
                    continue;
                }
                Field<Object> later = effective(f, o.later());
                Field<Object> earlier = effective(f, o.earlier());
                String column = cols.contains(o.later()) ? o.later() : o.earlier();
                ColumnType type = f.table().field(o.later()).getType() == java.time.LocalDate.class
                        ? ColumnType.DATE : ColumnType.TIMESTAMP;
                for (Record3<Long, Object, Object> rec : dsl.select(ROW, later, earlier)
                        .from(stg(f)).leftJoin(f.table().as("t")).on(keyJoin(f))
                        .where(later.lt(earlier)).orderBy(ROW)) {
                    problems.add(fileName(f), rec.value1(), column, "imp.problem.before", o.later(),
                            InterchangeFiles.format(type, rec.value2()), o.earlier(),
                            InterchangeFiles.format(type, rec.value3()));
                }
            }
        }

        /** IMPORT.md: a payment's statement belongs to the same unit and was issued by the day paid. */
        private void paymentStatements(FileSpec payments) {
            FileSpec statements = InterchangeFiles.byName("statements").orElseThrow();
            Table<?> st = statements.table().as("st");
            Field<Object> unit = field(name("st", "unit_code"));
            Field<Object> issued = field(name("st", "issued_on"));
            var from = stg(payments).leftJoin(st).on(field(name("st", "statement_no")).eq(s("statement_no")));
            if (staged.containsKey(statements)) {
                Table<?> ss = table(name(Staging.tableName(statements))).as("ss");
                from = from.leftJoin(ss).on(field(name("ss", "statement_no")).eq(s("statement_no")));
                unit = DSL.coalesce(field(name("ss", "unit_code")), unit);
                issued = DSL.coalesce(field(name("ss", "issued_on")), issued);
            }
            Field<Object> u = unit.as("su");
            Field<Object> i = issued.as("si");
            for (Record rec : dsl.select(ROW, s("statement_no"), s("unit_code"), s("paid_on"), u, i).from(from)
                    .where(s("statement_no").isNotNull().and(unit.isNotNull()))
                    .and(unit.ne(s("unit_code")).or(issued.gt(s("paid_on")))).orderBy(ROW)) {
                Object su = rec.get("su");
                if (!su.equals(rec.get(s("unit_code")))) {
                    problems.add(fileName(payments), rec.get(ROW), "statement_no", "imp.problem.statementUnit",
                            rec.get(s("statement_no")), su, rec.get(s("unit_code")));
                } else {
                    problems.add(fileName(payments), rec.get(ROW), "statement_no", "imp.problem.statementLater",
                            rec.get(s("statement_no")), String.valueOf(rec.get("si")), String.valueOf(rec.get(s("paid_on"))));
                }
            }
        }

        /**
         * A row other rows refer to keeps its references: DuckDB rewrites the update of an
         * indexed column as delete + insert, which it refuses while a foreign key refers to the
         * row, and a statement that payments target may not move to another unit (V021 took
         * that key out of the database; References keeps it here). Said as a problem.
         */
        private void referencedChanges(FileSpec f) {
            Condition referenced = referencedCondition(f);
            if (referenced == null) {
                return;
            }
            for (String col : indexedColumns(f)) {
                Condition changed = t(col).isNotNull().and(s(col).isDistinctFrom(t(col)));
                // the EXISTS over every referencing table is costly: only for rows that move
                if (!dsl.fetchExists(dsl.selectOne().from(stg(f)).join(f.table().as("t")).on(keyJoin(f))
                        .where(changed))) {
                    continue;
                }
                for (Record rec : dsl.select(ROW, t(col), s(col)).from(stg(f)).join(f.table().as("t")).on(keyJoin(f))
                        .where(changed).and(referenced).orderBy(ROW)) {
                    problems.add(fileName(f), rec.get(ROW), col, "imp.problem.referencedChange",
                            rec.get(1), rec.get(2));
                }
            }
        }

        /** Other rows in the store refer to the stored row {@code t}; null when no table can. */
        private Condition referencedCondition(FileSpec f) {
            List<Condition> refs = new ArrayList<>();
            for (Table<?> child : DefaultSchema.DEFAULT_SCHEMA.getTables()) {
                for (ForeignKey<?, ?> fk : child.getReferences()) {
                    if (!fk.getKey().getTable().equals(f.table())) {
                        continue;
                    }
                    Condition match = noCondition();
                    for (int k = 0; k < fk.getFields().size(); k++) {
                        match = match.and(eq(fk.getFields().get(k), t(fk.getKeyFields().get(k).getName())));
                    }
                    refs.add(DSL.exists(selectOne().from(child).where(match)));
                }
            }
            for (Reference r : References.unchecked()) {
                if (r.target().equals(f.table())) {
                    refs.add(DSL.exists(selectOne().from(r.table())
                            .where(eq(r.field(), t(r.targetField().getName())))));
                }
            }
            return refs.isEmpty() ? null : or(refs);
        }

        // ---- counts and writes ----

        private void count() {
            for (FileSpec f : staged.keySet()) {
                Condition isNew = t(f.keyColumns().get(0)).isNull();
                Record3<Integer, Integer, Integer> r = dsl.select(DSL.count(), DSL.count().filterWhere(isNew),
                                DSL.count().filterWhere(isNew.not().and(changed(f, updatable(f)))))
                        .from(stg(f)).leftJoin(f.table().as("t")).on(keyJoin(f)).fetchOne();
                long all = r.value1();
                long created = r.value2();
                long changed = r.value3();
                counts.add(new FileCounts(fileName(f), all, created, changed, all - created - changed));
            }
        }

        private void write() {
            LocalDateTime now = LocalDateTime.now(clock);
            String user = currentUser.usernameOrSystem();
            Set<String> units = touchedUnits(List.of("statements", "payments"));
            Set<String> promiseUnits = touchedUnits(List.of("collection_actions"));
            Set<String> vacancyUnits = touchedUnits(List.of("units", "unit_status", "vacancy_inspections"));
            Set<String> formerBuildings = buildingsLeft();
            Set<String> recordUnits = touchedUnits(List.of("complaints", "visits",
                    "vacancy_inspections"));
            boolean work = false;
            int i = 0;
            for (FileSpec f : staged.keySet()) {
                FileCounts c = counts.get(i);
                work |= WORK_FILES.contains(f.name()) && c.created() + c.changed() > 0;
                progress.update(0.6 + 0.25 * i++ / staged.size(), "imp.step.writing", fileName(f));
                if (c.changed() > 0) {
                    update(f, now, user);
                }
                if (c.created() > 0) {
                    insert(f, now, user);
                }
            }
            if (!units.isEmpty()) {
                progress.update(0.85, "imp.step.allocating", units.size());
                allocation.recomputeMany(units);
            }
            // the promise checks of these units came with the recompute
            promiseUnits.removeAll(units);
            summaries.refreshPromises(promiseUnits);
            summaries.refreshVacancy(vacancyUnits, formerBuildings);
            // the units' buildings on new or changed complaints, visits and inspections (V026,
            // V036)
            summaries.refreshRecordBuildings(recordUnits);
            // the butlers' records per staff member and month (V033): counted again in one pass
            if (work) {
                summaries.rebuildWork();
            }
            boolean anything = counts.stream().anyMatch(c -> c.created() + c.changed() > 0);
            if (anything) {
                audit.record("import", "interchange", null, counts.stream()
                        .map(c -> c.file() + ": " + c.rows() + " rows, " + c.created() + " new, " + c.changed()
                                + " changed, " + c.unchanged() + " unchanged")
                        .collect(Collectors.joining("; ")));
            }
        }

        /**
         * Units with new or changed rows in these files: for statements and payments their
         * allocation is recomputed, for collection actions their promise checks, for complaints,
         * visits and vacancy inspections the building stored on the records.
         */
        private Set<String> touchedUnits(List<String> files) {
            Set<String> units = new LinkedHashSet<>();
            for (String name : files) {
                FileSpec f = InterchangeFiles.byName(name).orElseThrow();
                if (!staged.containsKey(f)) {
                    continue;
                }
                Condition touched = t(f.keyColumns().get(0)).isNull().or(changed(f, updatable(f)));
                for (Record rec : dsl.selectDistinct(s("unit_code"), t("unit_code")).from(stg(f))
                        .leftJoin(f.table().as("t")).on(keyJoin(f)).where(touched)) {
                    units.add((String) rec.get(0));
                    if (rec.get(1) != null) {
                        units.add((String) rec.get(1));
                    }
                }
            }
            return units;
        }

        /** The buildings that units of the units file move out of (their vacancy summaries change). */
        private Set<String> buildingsLeft() {
            FileSpec f = InterchangeFiles.byName("units").orElseThrow();
            Set<String> buildings = new LinkedHashSet<>();
            if (staged.containsKey(f)) {
                for (Record rec : dsl.selectDistinct(t("building_code")).from(stg(f))
                        .join(f.table().as("t")).on(keyJoin(f))
                        .where(t("building_code").ne(s("building_code")))) {
                    buildings.add((String) rec.get(0));
                }
            }
            return buildings;
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private void update(FileSpec f, LocalDateTime now, String user) {
            List<String> cols = updatable(f);
            if (cols.isEmpty()) {
                return;
            }
            List<String> indexed = indexedColumns(f);
            List<String> plain = cols.stream().filter(c -> !indexed.contains(c)).toList();
            Table<?> t = f.table().as("t");
            if (!plain.isEmpty()) {
                // only unindexed columns change: they are updated in place, referenced or not
                Map<Field<?>, Object> set = new LinkedHashMap<>();
                for (String c : plain) {
                    set.put(f.table().field(c), s(c));
                }
                stamps(f, set, now, user);
                dsl.update((Table) t).set((Map) set).from(stg(f))
                        .where(keyJoin(f)).and(changed(f, plain)).and(changed(f, indexed).not()).execute();
            }
            if (!indexed.isEmpty()) {
                Map<Field<?>, Object> set = new LinkedHashMap<>();
                for (String c : cols) {
                    set.put(f.table().field(c), s(c));
                }
                stamps(f, set, now, user);
                dsl.update((Table) t).set((Map) set).from(stg(f))
                        .where(keyJoin(f)).and(changed(f, indexed)).execute();
            }
        }

        private void stamps(FileSpec f, Map<Field<?>, Object> set, LocalDateTime now, String user) {
            set.put(f.table().field("updated_at"), DSL.val(now));
            set.put(f.table().field("updated_by"), DSL.val(user));
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private void insert(FileSpec f, LocalDateTime now, String user) {
            List<Field<?>> target = new ArrayList<>();
            List<SelectField<?>> source = new ArrayList<>();
            Set<String> cols = new LinkedHashSet<>(f.keyColumns());
            cols.addAll(present.get(f));
            if (f.name().equals("statements")) {
                cols.add("due_on"); // computed from period when the file has no due_on
            }
            for (String c : cols) {
                target.add(f.table().field(c));
                source.add(s(c));
            }
            status(f, target, source);
            for (String stamp : List.of("created_at", "updated_at")) {
                target.add(f.table().field(stamp));
                source.add(DSL.val(now));
            }
            for (String stamp : List.of("created_by", "updated_by")) {
                target.add(f.table().field(stamp));
                source.add(DSL.val(user));
            }
            Table<?> x = f.table().as("x");
            Condition stored = f.keyColumns().stream()
                    .map(k -> field(name("x", k)).eq(s(k))).reduce(noCondition(), Condition::and);
            // written in the order of the stored table's indexes, not the file's: DuckDB builds
            // an index far faster from sorted keys (1,000,000 statements in random order: insert
            // and commit 4.6 s, sorted by unit and code 2.5 s; a file already in code order gains
            // nothing), and a unit's rows end up together
            List<SortField<?>> order = new ArrayList<>();
            if (f.table().field("unit_code") != null && cols.contains("unit_code")) {
                order.add(s("unit_code").asc());
            }
            f.keyColumns().forEach(k -> order.add(s(k).asc()));
            dsl.insertInto((Table) f.table(), target)
                    .select(select(source).from(stg(f)).where(notExists(selectOne().from(x).where(stored)))
                            .orderBy(order))
                    .execute();
        }

        /** The status of a new complaint or repair, from the times the file gives. */
        private void status(FileSpec f, List<Field<?>> target, List<SelectField<?>> source) {
            Set<String> cols = present.get(f);
            if (f.name().equals("complaints")) {
                Field<Object> resolved = cols.contains("resolved_at") ? s("resolved_at") : DSL.inline((Object) null);
                Field<Object> responded = cols.contains("first_response_at") ? s("first_response_at")
                        : DSL.inline((Object) null);
                Field<Object> score = cols.contains("satisfaction") ? s("satisfaction") : DSL.inline((Object) null);
                target.add(f.table().field("status"));
                // the satisfaction score comes from the return visit that closes a complaint (五)
                source.add(when(resolved.isNotNull().and(score.isNotNull()), inline("closed"))
                        .when(resolved.isNotNull(), inline("resolved"))
                        .when(responded.isNotNull(), inline("responded"))
                        .otherwise(inline("received")));
            } else if (f.name().equals("repairs")) {
                Field<Object> completed = cols.contains("completed_at") ? s("completed_at") : DSL.inline((Object) null);
                Field<Object> visited = cols.contains("return_visit_at") ? s("return_visit_at")
                        : DSL.inline((Object) null);
                target.add(f.table().field("status"));
                source.add(when(visited.isNotNull(), inline("closed"))
                        .when(completed.isNotNull(), inline("completed"))
                        .otherwise(inline("reported")));
            }
        }

        // ---- helpers ----

        /** Non-key columns the file has: what an update may change. */
        private List<String> updatable(FileSpec f) {
            return present.get(f).stream().filter(c -> !f.keyColumns().contains(c)).toList();
        }

        /** Updatable columns that refer to another table (DuckDB indexes them). */
        private List<String> indexedColumns(FileSpec f) {
            return updatable(f).stream()
                    .filter(c -> reference(f, f.column(c).orElseThrow()).isPresent()).toList();
        }

        private Condition changed(FileSpec f, List<String> cols) {
            if (cols.isEmpty()) {
                return DSL.falseCondition();
            }
            return or(cols.stream().map(c -> s(c).isDistinctFrom(t(c))).toList());
        }

        /** The value a row will have: the file's when it has the column, else the stored one. */
        private Field<Object> effective(FileSpec f, String col) {
            return present.get(f).contains(col) ? s(col) : t(col);
        }

        private String fileName(FileSpec f) {
            return staged.get(f).name();
        }
    }

    /** The column's reference, checked by the database or not (see References). */
    private static Optional<Reference> reference(FileSpec f, ColumnSpec c) {
        return References.from(f.table()).stream()
                .filter(r -> r.field().getName().equals(c.name())).findFirst();
    }

    private static Table<?> stg(FileSpec f) {
        return table(name(Staging.tableName(f))).as("s");
    }

    private static Field<Object> s(String column) {
        return field(name("s", column));
    }

    private static Field<Object> t(String column) {
        return field(name("t", column));
    }

    private static Condition keyJoin(FileSpec f) {
        return f.keyColumns().stream().map(k -> t(k).eq(s(k))).reduce(noCondition(), Condition::and);
    }

    @SuppressWarnings("unchecked")
    private static Condition eq(Field<?> a, Field<?> b) {
        return ((Field<Object>) a).eq((Field<Object>) b);
    }
}

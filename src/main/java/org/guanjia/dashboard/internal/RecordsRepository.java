package org.guanjia.dashboard.internal;

import static org.jooq.impl.DSL.condition;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.table;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.guanjia.dashboard.RecordFilter;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SortField;
import org.jooq.Table;
import org.springframework.stereotype.Repository;

/**
 * The record lists behind the dashboard figures, one base query per kind with the estate tree
 * columns (estate_code, cluster_code, building_code) and a date ({@code day}) to filter on.
 * Every filter value is a bind value; sort columns come from the fixed column lists.
 */
@Repository
public class RecordsRepository {

    private final DSLContext dsl;

    RecordsRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public List<List<Object>> fetch(RecordFilter f, LocalDate asOf, Set<String> clusters,
            int offset, int limit, String sort, boolean ascending) {
        List<String> cols = RecordFilter.COLUMNS.get(f.kind());
        String key = cols.get(0);
        SortField<?> order = sort != null && cols.contains(sort)
                ? (ascending ? field(name(sort)).asc() : field(name(sort)).desc())
                : field(name(key)).asc();
        List<List<Object>> out = new ArrayList<>();
        for (Record r : dsl.select(cols.stream().map(c -> field(name(c))).toList())
                .from(base(f, asOf)).where(where(f, asOf, clusters))
                .orderBy(order, field(name(key)).asc()).offset(offset).limit(limit).fetch()) {
            List<Object> row = new ArrayList<>(cols.size());
            for (int i = 0; i < cols.size(); i++) {
                row.add(r.get(i));
            }
            out.add(row);
        }
        return out;
    }

    public int count(RecordFilter f, LocalDate asOf, Set<String> clusters) {
        return dsl.fetchCount(dsl.selectOne().from(base(f, asOf)).where(where(f, asOf, clusters)));
    }

    private static org.jooq.Name name(String column) {
        return org.jooq.impl.DSL.name("r", column);
    }

    private static final String TREE = " join buildings b on b.building_code = x.building_code"
            + " join clusters c on c.cluster_code = b.cluster_code";

    private Table<?> base(RecordFilter f, LocalDate asOf) {
        return switch (f.kind()) {
            case STATEMENTS -> table("(select x.*, x.amount - x.collected as outstanding,"
                    + " b.cluster_code, c.estate_code, cast(x.period || '-01' as date) as day,"
                    + " null as category from (select s.statement_no, s.unit_code, u.building_code,"
                    + " s.period, s.fee_type, s.amount, s.due_on, coalesce((select sum(a.amount)"
                    + " from payment_allocations a where a.statement_no = s.statement_no"
                    + " and a.allocated_on <= ?), 0) as collected from statements s"
                    + " join units u on u.unit_code = s.unit_code where s.issued_on <= ?) x" + TREE
                    + ")", asOf, asOf).as("r");
            case COMPLAINTS -> table("(select x.*, b.cluster_code, c.estate_code,"
                    + " cast(x.received_at as date) as day from (select k.complaint_no,"
                    + " k.unit_code, u.building_code, k.received_at, k.category, k.status,"
                    + " k.first_response_at, k.resolved_at, k.satisfaction from complaints k"
                    + " join units u on u.unit_code = k.unit_code) x" + TREE + ")").as("r");
            case REPAIRS -> table("(select x.*, b.cluster_code, c.estate_code,"
                    + " cast(coalesce(x.completed_at, x.reported_at) as date) as day from"
                    + " (select p.repair_no, p.building_code, p.unit_code, p.reported_at,"
                    + " p.category, p.status, p.completed_at, p.return_visit_at from repairs p) x"
                    + TREE + ")").as("r");
            case UNITS -> table("(select x.*, b.cluster_code, c.estate_code, x.delivered_on as day,"
                    + " null as category from (select u.unit_code, u.building_code,"
                    + " coalesce((select st.status from unit_status st where st.unit_code ="
                    + " u.unit_code and st.from_date <= ? order by st.from_date desc limit 1),"
                    + " 'vacant') as status, u.delivered_on, u.area_sqm from units u"
                    + " where u.delivered_on <= ?) x" + TREE + ")", endOf(f, asOf), endOf(f, asOf))
                    .as("r");
            case INSPECTIONS -> table("(select x.*, b.cluster_code, c.estate_code,"
                    + " x.inspected_on as day, null as category from (select i.inspection_no,"
                    + " i.unit_code, u.building_code, i.inspected_on, i.staff_code,"
                    + " coalesce(i.doors_windows_ok and i.utilities_off_ok and i.no_leak"
                    + " and i.no_cracks, false) as all_ok from vacancy_inspections i"
                    + " join units u on u.unit_code = i.unit_code) x" + TREE + ")").as("r");
        };
    }

    /** Units are a snapshot at the end of the range (or today, if earlier). */
    private static LocalDate endOf(RecordFilter f, LocalDate asOf) {
        LocalDate end = f.to().atEndOfMonth();
        return end.isAfter(asOf) ? asOf : end;
    }

    private List<Condition> where(RecordFilter f, LocalDate asOf, Set<String> clusters) {
        List<Condition> c = new ArrayList<>();
        if (f.kind() != org.guanjia.dashboard.Dashboard.DrillTarget.UNITS) {
            c.add(condition("r.day between ? and ?", f.from().atDay(1), f.to().atEndOfMonth()));
        }
        if (f.kind() == org.guanjia.dashboard.Dashboard.DrillTarget.REPAIRS
                && "completed".equals(f.status())) {
            c.add(condition("r.completed_at is not null"));
        }
        if (f.estate() != null) {
            c.add(condition("r.estate_code = ?", f.estate()));
        }
        if (f.cluster() != null) {
            c.add(condition("r.cluster_code = ?", f.cluster()));
        }
        if (f.building() != null) {
            c.add(condition("r.building_code = ?", f.building()));
        }
        if (f.category() != null) {
            c.add(condition("r.category = ?", f.category()));
        }
        if (clusters != null) {
            c.add(field(name("cluster_code"), String.class).in(clusters));
        }
        if (f.status() != null) {
            switch (f.kind()) {
                case STATEMENTS -> c.add(condition("r.outstanding > 0"));
                case UNITS -> c.add(condition("r.status = ?", f.status()));
                default -> { }
            }
        }
        return c;
    }
}

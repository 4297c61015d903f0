package org.guanjia.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.guanjia.ui.KaribuTest;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The closed complaint periods (V032, {@link ComplaintPeriods}) never change a figure: on the
 * demo company, kpi_complaints and kpi_complaint_category_counts give the same rows with the
 * store filled as with it empty (every scope kind, every grain, as of today, the end of last
 * month and a day 14 months ago), and still after each kind of change the store does not know
 * of — a complaint of a stored month changed (its validity, its resolution, its sign-off), one
 * received in a stored month inserted unanswered, a service level, a butler's assignment, a new
 * butler (a scope object more) — until a fill stores it again; and after a complaint's change
 * exactly its month is no longer read from the store, after a change of the context no month.
 * All in one transaction, rolled back (the demo context is shared with other tests).
 */
@TestPropertySource(properties = {"guanjia.demo=true", "guanjia.demo-scale=0.05"})
class ComplaintPeriodsTest extends KaribuTest {

    @Autowired
    DSLContext dsl;
    @Autowired
    Clock clock;

    /** Thrown at the end to roll the transaction back. */
    private static final class Rollback extends RuntimeException {
        Rollback() {
            super("rolled back");
        }
    }

    @Test
    void stored_periods_give_the_rows_computed_from_the_complaints_whatever_changed_since()
            throws Exception {
        LocalDate today = LocalDate.now(clock);
        List<String> done = new ArrayList<>();
        assertThatThrownBy(() -> dsl.transaction(cfg -> {
            DSLContext t = cfg.dsl();
            t.connection(c -> ComplaintPeriods.clear(c));
            Map<String, List<String>> live = rows(t, today);
            ComplaintPeriods.Filled filled = fill(t, today);
            assertThat(filled.periods()).as("periods stored").isGreaterThan(20);
            assertThat(filled.rows()).isPositive();
            assertThat(closedMonths(t, today)).as("months read from the store").isGreaterThan(10);
            assertThat(rows(t, today)).as("rows with the store").isEqualTo(live);
            assertThat(fill(t, today).periods()).as("a second fill stores nothing").isZero();

            // a complaint of a stored month inside the range the rows are read for
            String complaint = t.fetchOne("select min(complaint_no) from complaints"
                    + " where strftime(received_at, '%Y-%m') in (select period"
                    + " from kpi_complaint_closed_periods where grain = 'month' and period >= ?)",
                    YearMonth.from(today).minusMonths(24).toString()).get(0, String.class);
            assertThat(complaint).isNotNull();
            String building = t.fetchOne("select building_code from complaints"
                    + " where complaint_no = ?", complaint).get(0, String.class);
            Map<String, Consumer<DSLContext>> changes = new LinkedHashMap<>();
            changes.put("validity", x -> x.execute("update complaints set valid = not"
                    + " coalesce(valid, false) where complaint_no = ?", complaint));
            changes.put("resolution", x -> x.execute("update complaints set resolved_at ="
                    + " resolved_at + interval 50 hour where complaint_no = ?", complaint));
            changes.put("sign-off", x -> x.execute("update complaints set owner_signed = not"
                    + " coalesce(owner_signed, false) where complaint_no = ?", complaint));
            changes.put("backdated complaint", x -> x.execute("insert into complaints"
                    + " (complaint_no, unit_code, building_code, received_at, category)"
                    + " select 'TEST-BACKDATED', unit_code, building_code, received_at"
                    + " + interval 1 minute, category from complaints where complaint_no = ?",
                    complaint));
            changes.put("service level", x -> x.execute("update complaint_service_levels"
                    + " set response_minutes = 7 where category = (select category"
                    + " from complaints where complaint_no = ?)", complaint));
            changes.put("assignment", x -> x.execute("update assignments set to_date ="
                    + " from_date + 40 where rowid = (select a.rowid from assignments a"
                    + " join buildings b on b.cluster_code = a.cluster_code"
                    + " where b.building_code = ? order by a.from_date limit 1)", building));
            changes.put("new butler", x -> x.execute("insert into staff (staff_code, name, role)"
                    + " values ('TEST-BUTLER', 'Test butler', 'butler')"));
            // a complaint's change: only its month is no longer read from the store (of the
            // months; its quarter and year neither); a change of the context: none
            List<String> contextChanges = List.of("service level", "assignment", "new butler");
            for (var change : changes.entrySet()) {
                int storedBefore = closedMonths(t, today);
                change.getValue().accept(t);
                assertThat(closedMonths(t, today)).as("months read from the store after "
                        + change.getKey()).isEqualTo(contextChanges.contains(change.getKey())
                                ? 0 : storedBefore - 1);
                Map<String, List<String>> stale = rows(t, today);
                t.connection(c -> ComplaintPeriods.clear(c));
                Map<String, List<String>> computed = rows(t, today);
                assertThat(stale).as("rows with the store after: " + change.getKey())
                        .isEqualTo(computed);
                assertThat(computed).as("the change shows: " + change.getKey())
                        .isNotEqualTo(live);
                fill(t, today);
                assertThat(closedMonths(t, today)).as("stored again after " + change.getKey())
                        .isGreaterThan(10);
                assertThat(rows(t, today)).as("rows refilled after " + change.getKey())
                        .isEqualTo(computed);
                live = computed;
                done.add(change.getKey());
            }
            throw new Rollback();
        })).isInstanceOf(Rollback.class);
        assertThat(done).hasSize(7);
    }

    private static ComplaintPeriods.Filled fill(DSLContext t, LocalDate today) {
        List<ComplaintPeriods.Filled> filled = new ArrayList<>();
        t.connection(c -> filled.add(ComplaintPeriods.fill(c, today)));
        return filled.get(0);
    }

    /** How many months of the last 30 kpi_complaints reads from the store as of today. */
    private static int closedMonths(DSLContext t, LocalDate today) {
        return t.fetchOne("select count(*) from kpi_complaint_closed_in(cast(? as date),"
                + " 'month', ?, ?)", today, YearMonth.from(today).minusMonths(30).toString(),
                YearMonth.from(today).toString()).get(0, Integer.class);
    }

    /**
     * Every row of both macros for every grain and as-of day, as text, sorted, by query: all
     * four scope kinds at once, and by building without the repeat units.
     */
    private static Map<String, List<String>> rows(DSLContext t, LocalDate today) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        String from = YearMonth.from(today).minusMonths(30).toString();
        String to = YearMonth.from(today).toString();
        for (LocalDate day : List.of(today, today.withDayOfMonth(1).minusDays(1),
                today.minusMonths(14))) {
            for (String grain : ComplaintPeriods.GRAINS) {
                for (String query : List.of(
                        "kpi_complaints(cast(? as date), ?, ?, ?)",
                        "kpi_complaints(cast(? as date), ?, ?, ?, scopes := ['building'],"
                                + " figures := ['complaints', 'p90_resolution_hours'])",
                        "kpi_complaint_category_counts(cast(? as date), ?, ?, ?)")) {
                    List<String> rows = new ArrayList<>();
                    for (Record r : t.fetch("select * from " + query, day, grain, from, to)) {
                        rows.add(r.formatCSV(false).strip());
                    }
                    rows.sort(null);
                    assertThat(rows).isNotEmpty();
                    out.put(query + " " + day + " " + grain, rows);
                }
            }
        }
        return out;
    }
}

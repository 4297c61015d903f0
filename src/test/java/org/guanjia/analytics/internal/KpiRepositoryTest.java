package org.guanjia.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.guanjia.TestUsers;
import org.guanjia.analytics.Dataset;
import org.guanjia.analytics.KpiSummaries;
import org.guanjia.analytics.KpiTable;
import org.guanjia.base.Role;
import org.guanjia.billing.AllocationService;
import org.guanjia.complaint.Complaint;
import org.guanjia.demo.DemoDataGenerator;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The repository reads the text keys encoded (a scope code only where it changes, a period or
 * category as a position in a list): what it returns must be, cell for cell, what the macros of
 * sql/ return when read plainly. Data: the demo company (scale 0.1), its payments allocated and
 * the KPI summaries built.
 */
@SpringBootTest(properties = {
    "guanjia.db-path=${java.io.tmpdir}/guanjia-test-${random.uuid}.duckdb",
    "guanjia.demo=false",
    "guanjia.admin-password=test-admin-password",
    "vaadin.launch-browser=false",
    "test.context=kpi-repository"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class KpiRepositoryTest {

    static final LocalDate AS_OF = LocalDate.of(2026, 11, 20);

    @Autowired
    KpiRepository repo;
    @Autowired
    DSLContext dsl;
    @Autowired
    DemoDataGenerator generator;
    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    AllocationService allocations;

    @BeforeAll
    void given_the_demo_company() {
        new TransactionTemplate(transactionManager)
                .execute(status -> generator.generate(20250101L, 0.1, LocalDate.of(2026, 11, 27)));
        // the payments allocated and every summary built, as the demo service does: without
        // them every collection figure is zero and its rates empty
        TestUsers.signIn("admin", Role.ADMIN, null);
        try {
            allocations.recomputeAll();
        } finally {
            TestUsers.signOut();
        }
        dsl.connection(KpiSummaries::rebuild);
    }

    @Test
    void the_demo_company_has_collection_figures_to_compare() {
        KpiTable estates = repo.fetch(Dataset.COLLECTION, AS_OF, "month", "2025-10", "2026-11",
                List.of("estate")).get("estate");
        for (String rate : List.of("collection_rate", "cumulative_collection_rate",
                "arrears_recovery_rate")) {
            int at = estates.columns().indexOf(rate);
            assertThat(estates.rows().stream().map(r -> (BigDecimal) r.get(at))
                    .filter(v -> v != null && v.signum() > 0 && v.compareTo(BigDecimal.ONE) < 0))
                    .as(rate).hasSizeGreaterThan(10);
        }
    }

    @Test
    void every_dataset_reads_as_its_macro_returns_it_at_every_scope_and_grain() {
        int compared = 0;
        for (Dataset d : Dataset.values()) {
            for (String grain : List.of("month", "quarter", "year")) {
                Map<String, KpiTable> read = repo.fetch(d, AS_OF, grain, "2025-10", "2026-11",
                        d.scopes());
                for (String scope : d.scopes()) {
                    List<List<Object>> plain = plain(d, scope, grain, "2025-10", "2026-11");
                    assertThat(read.get(scope).rows()).as(d + " " + grain + " " + scope)
                            .isEqualTo(plain);
                    compared += plain.size();
                }
            }
        }
        // the aging snapshot (no grain, no period)
        Map<String, KpiTable> read = repo.fetch(Dataset.AGING, AS_OF, null, null, null,
                Dataset.AGING.scopes());
        for (String scope : Dataset.AGING.scopes()) {
            assertThat(read.get(scope).rows()).as("aging snapshot " + scope)
                    .isEqualTo(plain(Dataset.AGING, scope, null, null, null));
        }
        assertThat(compared).isGreaterThan(3_000);
    }

    @Test
    void a_period_missing_from_its_list_comes_back_as_its_text() {
        List<String> oddMonths = List.of("2025-11", "2026-01", "2026-03", "2026-05", "2026-07");
        for (Dataset d : List.of(Dataset.COMPLAINT_CATEGORIES, Dataset.COLLECTION)) {
            Map<String, KpiTable> read = repo.fetch(d, AS_OF, "month", "2025-10", "2026-11",
                    d.scopes(), null, Map.of("period", oddMonths));
            for (String scope : d.scopes()) {
                assertThat(read.get(scope).rows()).as(d + " " + scope)
                        .isEqualTo(plain(d, scope, "month", "2025-10", "2026-11"));
            }
        }
    }

    @Test
    void aging_snapshot_days_are_read_as_positions_and_a_missing_one_as_its_text() {
        assertThat(KpiRepository.snapshotDays(AS_OF, "quarter", "2025-10", "2026-11"))
                .containsExactly("2026-11-20", "2025-12-31", "2026-03-31", "2026-06-30",
                        "2026-09-30");
        assertThat(KpiRepository.snapshotDays(AS_OF, "month", "2025-10", "2026-11"))
                .hasSize(14).startsWith("2026-11-20", "2025-10-31", "2025-11-30")
                .endsWith("2026-10-31");
        assertThat(KpiRepository.snapshotDays(AS_OF, null, null, null))
                .containsExactly("2026-11-20");
        for (String grain : List.of("month", "year")) {
            List<String> days = KpiRepository.snapshotDays(AS_OF, grain, "2025-10", "2026-11");
            for (List<String> list : List.of(days.subList(0, days.size() / 2),
                    List.of("2026-11-20"))) {
                Map<String, KpiTable> read = repo.fetch(Dataset.AGING, AS_OF, grain, "2025-10",
                        "2026-11", Dataset.AGING.scopes(), null, Map.of("as_of", list));
                for (String scope : Dataset.AGING.scopes()) {
                    assertThat(read.get(scope).rows()).as(grain + " " + scope + " " + list.size())
                            .isNotEmpty().isEqualTo(plain(Dataset.AGING, scope, grain, "2025-10",
                                    "2026-11"));
                }
            }
        }
    }

    @Test
    void a_scope_code_missing_from_its_list_comes_back_as_its_text_and_one_with_a_comma_too() {
        List<String> some = dsl.resultQuery("select scope_code from kpi_scopes order by scope_code")
                .fetch().getValues(0, String.class);
        List<String> every = some;
        some = some.subList(0, some.size() / 2);
        for (List<String> codes : List.of(some, List.of("a,b"), every)) {
            for (Dataset d : List.of(Dataset.COLLECTION, Dataset.AGING)) {
                Map<String, KpiTable> read = repo.fetch(d, AS_OF, "month", "2025-10", "2026-11",
                        d.scopes(), null, Map.of("scope_code", codes));
                for (String scope : d.scopes()) {
                    assertThat(read.get(scope).rows()).as(d + " " + scope + " " + codes.size())
                            .isNotEmpty().isEqualTo(plain(d, scope, "month", "2025-10", "2026-11"));
                }
            }
        }
    }

    @Test
    void rows_are_in_code_and_period_order_when_codes_and_periods_miss_from_their_lists() {
        List<String> codes = dsl.resultQuery("select distinct scope_code from kpi_scopes"
                + " order by scope_code").fetch().getValues(0, String.class);
        List<String> everyOther = new ArrayList<>();
        for (int i = 1; i < codes.size(); i += 2) {
            everyOther.add(codes.get(i));
        }
        List<String> oddMonths = List.of("2025-11", "2026-01", "2026-03", "2026-05", "2026-07");
        List<String> months = repo.periods("month", "2025-10", "2026-11");
        List<String> reversedCodes = new ArrayList<>(codes);
        java.util.Collections.reverse(reversedCodes);
        List<String> reversedMonths = new ArrayList<>(months);
        java.util.Collections.reverse(reversedMonths);
        // ordered by the positions (both lists ascending) with rows lacking one, and by the text
        // (a list not in code point order, every key in it)
        for (Map<String, List<String>> keys : List.of(
                Map.of("scope_code", everyOther, "period", oddMonths),
                Map.of("scope_code", codes, "period", oddMonths),
                Map.of("scope_code", reversedCodes, "period", months),
                Map.of("scope_code", codes, "period", reversedMonths))) {
            for (Dataset d : List.of(Dataset.COLLECTION, Dataset.COMPLAINT_CATEGORIES,
                    Dataset.VACANCY)) {
                Map<String, KpiTable> read = repo.fetch(d, AS_OF, "month", "2025-10", "2026-11",
                        d.scopes(), null, keys);
                for (String scope : d.scopes()) {
                    assertThat(read.get(scope).rows()).as(d + " " + scope + " " + keys)
                            .isNotEmpty().isEqualTo(plain(d, scope, "month", "2025-10", "2026-11"));
                }
            }
        }
        assertThat(KpiRepository.ascending(List.of("B1", "B2", "B10"))).isFalse();
        assertThat(KpiRepository.ascending(List.of("B1", "B10", "B2"))).isTrue();
        assertThat(KpiRepository.ascending(List.of("Z9", "a1", "é1", "楼1"))).isTrue();
        assertThat(KpiRepository.ascending(List.of("2025-12", "2026-01", "2026-01"))).isFalse();
    }

    @Test
    void the_complaint_categories_come_back_as_rows_of_every_category_with_complaints() {
        KpiTable categories = repo.fetch(Dataset.COMPLAINT_CATEGORIES, AS_OF, "month", "2025-10",
                "2026-11", List.of("estate")).get("estate");
        assertThat(categories.columns()).isEqualTo(Dataset.COMPLAINT_CATEGORIES.columns());
        int at = categories.columns().indexOf("category");
        assertThat(categories.rows().stream().map(r -> (String) r.get(at)).distinct())
                .as("every category has complaints in the demo company")
                .containsExactlyInAnyOrderElementsOf(Complaint.CATEGORIES);
        assertThat(categories.rows()).allSatisfy(r -> assertThat((Long) r.get(4)).isPositive());
    }

    @Test
    void collection_figures_asked_for_alone_read_as_the_macro_returns_them() {
        // the macro computes only the parts of the figures asked for (its figures parameter)
        for (List<String> figures : List.of(List.of("collection_rate"),
                List.of("arrears_recovery_rate", "billed"),
                List.of("cumulative_collection_rate", "promise_kept_rate"),
                List.of("opening_arrears", "arrears_recovered"))) {
            Map<String, KpiTable> read = repo.fetch(Dataset.COLLECTION, AS_OF, "month", "2025-10",
                    "2026-11", Dataset.COLLECTION.scopes(), Set.copyOf(figures));
            List<String> columns = new ArrayList<>(List.of("scope_code", "period"));
            Dataset.COLLECTION.figures().stream().filter(figures::contains).forEach(columns::add);
            for (String scope : Dataset.COLLECTION.scopes()) {
                List<List<Object>> plain = plain(Dataset.COLLECTION, scope, "month", "2025-10",
                        "2026-11", columns);
                assertThat(read.get(scope).columns()).as(figures + " " + scope)
                        .isEqualTo(Stream.concat(Stream.of("scope"), columns.stream()).toList());
                assertThat(read.get(scope).rows()).as(figures + " " + scope).isEqualTo(plain);
            }
        }
    }

    /** The macro's rows of one scope kind, read plainly, in the repository's columns and order. */
    private List<List<Object>> plain(Dataset d, String scope, String grain, String from, String to) {
        return plain(d, scope, grain, from, to,
                d.columns().stream().filter(c -> !c.equals("scope")).toList());
    }

    /** As {@link #plain(Dataset, String, String, String, String)}, of the given columns. */
    private List<List<Object>> plain(Dataset d, String scope, String grain, String from, String to,
            List<String> columns) {
        String order = switch (d) {
            case AGING -> "scope_code, as_of, period";
            case COMPLAINT_CATEGORIES -> "scope_code, period, category";
            default -> "scope_code, period";
        };
        List<List<Object>> rows = new ArrayList<>();
        try (ResultSet rs = dsl.resultQuery("select " + String.join(", ", columns) + " from "
                + d.macro() + "(cast(? as date), cast(? as varchar), cast(? as varchar),"
                + " cast(? as varchar)) where scope = ? order by " + order,
                AS_OF, grain, from, to, scope).fetchResultSet()) {
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                row.add(scope);
                for (int i = 1; i <= columns.size(); i++) {
                    row.add(rs.getObject(i));
                }
                rows.add(row);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }
}

package org.guanjia.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.guanjia.db.Tables.*;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.flywaydb.core.Flyway;
import org.guanjia.RecordBuildings;
import org.guanjia.base.Role;
import org.guanjia.db.tables.records.AssignmentsRecord;
import org.guanjia.db.tables.records.ComplaintsRecord;
import org.guanjia.db.tables.records.FeeSchedulesRecord;
import org.guanjia.user.UserService.DemoUser;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo generator on DuckDB: once into the application's database file (scale 0.1), then
 * into fresh in-memory databases built by hand (Flyway + jOOQ) to compare runs.
 */
@SpringBootTest(properties = {
    "guanjia.db-path=${java.io.tmpdir}/guanjia-test-${random.uuid}.duckdb",
    "guanjia.demo=false",
    "guanjia.admin-password=test-admin-password",
    "vaadin.launch-browser=false",
    // a context of its own: the class fills the database with the demo company
    "test.context=demo-generator"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DemoDataGeneratorTest {

    static final long SEED = 20250101L;
    static final double SCALE = 0.1;
    static final LocalDate END = LocalDate.of(2026, 11, 27);

    /** Every table the generator fills. */
    static final List<Table<?>> FILLED = List.of(ESTATES, CLUSTERS, BUILDINGS, UNITS, UNIT_STATUS, OWNERS,
            DEPARTMENTS, STAFF, ASSIGNMENTS, FEE_SCHEDULES, STATEMENT_RUNS, STATEMENT_RUN_LINES, STATEMENTS,
            PAYMENTS, BANK_DEBIT_ENROLMENTS,
            BANK_DEBIT_BATCHES, BANK_DEBIT_ITEMS, COLLECTION_ACTIONS, LAWYER_LETTERS, COMPLAINTS, REPAIRS,
            RECTIFICATION_ITEMS, RECTIFICATION_NOTES, VACANCY_INSPECTIONS, VISITS, VISIT_REQUESTS, VISIT_PLANS,
            MORNING_BRIEFINGS, BRIEFING_ITEMS, PATROLS, PATROL_CHECKS, PATROL_ITEM_RESULTS, PATROL_FINDINGS, FOLLOW_UPS,
            FOLLOW_UP_NOTES, NOTICE_BOARDS, NOTICES, NOTICE_POSTINGS, FACILITIES, FACILITY_CHECKS,
            CUSTOMER_DOCUMENTS, DOCUMENT_DELIVERIES, ACTIVITIES, ACTIVITY_SIGNUPS, WORK_PLANS,
            SERVICE_CHARGE_BUDGETS, SERVICE_CHARGE_COSTS, SERVICE_CHARGE_PERSONS, SERVICE_CHARGE_SETTLEMENTS,
            SERVICE_CHARGE_SETTLEMENT_LINES, SERVICE_CHARGE_SETTLEMENT_DETAILS);

    @Autowired
    DemoDataGenerator generator;
    @Autowired
    DSLContext dsl;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    DemoService startup;
    @Autowired
    org.guanjia.fees.StatementRunService runs;

    DemoReport report;

    @BeforeAll
    void generate_into_the_application_database() {
        report = new TransactionTemplate(transactionManager)
                .execute(status -> generator.generate(SEED, SCALE, END));
    }

    @Test
    void every_table_of_the_demo_has_rows() {
        for (Table<?> table : FILLED) {
            assertThat(dsl.fetchCount(table)).as(table.getName()).isPositive();
        }
    }

    @Test
    void complaints_and_visits_carry_their_units_building() {
        RecordBuildings.assertCarried(dsl);
    }

    @Test
    void allocations_credits_and_agenda_are_left_to_their_engines() {
        assertThat(dsl.fetchCount(PAYMENT_ALLOCATIONS)).isZero();
        assertThat(dsl.fetchCount(UNIT_CREDITS)).isZero();
        assertThat(dsl.fetchCount(AGENDA_ITEMS)).isZero();
    }

    @Test
    void the_report_matches_the_database() {
        for (Map.Entry<String, Long> e : report.rowCounts().entrySet()) {
            Table<?> table = Objects.requireNonNull(DSL.table(DSL.name(e.getKey())));
            assertThat((long) dsl.fetchCount(table)).as(e.getKey()).isEqualTo(e.getValue());
        }
        assertThat(report.rowCounts().keySet()).hasSize(FILLED.size());
        assertThat(dsl.select(DSL.sum(STATEMENTS.AMOUNT)).from(STATEMENTS).fetchOne(0, BigDecimal.class))
                .isEqualByComparingTo(report.statementTotal());
        assertThat(dsl.select(DSL.sum(PAYMENTS.AMOUNT)).from(PAYMENTS).fetchOne(0, BigDecimal.class))
                .isEqualByComparingTo(report.paymentTotal());
    }

    @Test
    void the_first_unbilled_month_awaits_review_with_the_lines_the_statement_run_computes() {
        var run = dsl.selectFrom(STATEMENT_RUNS).where(STATEMENT_RUNS.STATUS.ne("released")).fetchSingle();
        assertThat(run.getPeriod()).isEqualTo("2026-12");
        assertThat(run.getStatus()).isEqualTo("generated");
        assertThat(run.getGeneratedAt()).isBefore(END.atStartOfDay());
        assertThat(dsl.fetchCount(STATEMENTS, STATEMENTS.PERIOD.eq(run.getPeriod()))).isZero();
        assertThat(dsl.fetchCount(STATEMENT_RUN_REVIEWS)).isZero();
        List<List<Object>> stored = dsl.select(STATEMENT_RUN_LINES.UNIT_CODE, STATEMENT_RUN_LINES.FEE_TYPE,
                        STATEMENT_RUN_LINES.SCHEDULE_CODE, STATEMENT_RUN_LINES.AMOUNT)
                .from(STATEMENT_RUN_LINES).where(STATEMENT_RUN_LINES.RUN_NO.eq(run.getRunNo()))
                .fetch(r -> List.<Object>of(r.value1(), r.value2(), r.value3(), r.value4()));

        org.guanjia.TestUsers.signIn("desk", Role.SERVICE_DESK, null);
        try {
            var preview = runs.preview(YearMonth.parse(run.getPeriod()), null);
            assertThat(stored).hasSize((int) report.rows("statement_run_lines"))
                    .containsExactlyInAnyOrderElementsOf(preview.lines().stream()
                            .map(l -> List.<Object>of(l.unitCode(), l.feeType(), l.scheduleCode(), l.amount()))
                            .toList());
        } finally {
            org.guanjia.TestUsers.signOut();
        }
    }

    @Test
    void every_auto_debit_owner_is_enrolled_and_debit_results_carry_their_date() {
        assertThat(dsl.fetchCount(OWNERS, OWNERS.AUTO_DEBIT.isTrue())).isPositive()
                .isEqualTo(dsl.fetchCount(BANK_DEBIT_ENROLMENTS));
        assertThat(dsl.fetchCount(OWNERS, OWNERS.AUTO_DEBIT.isTrue().andNotExists(DSL.selectOne()
                .from(BANK_DEBIT_ENROLMENTS).where(BANK_DEBIT_ENROLMENTS.OWNER_CODE.eq(OWNERS.OWNER_CODE))
                .and(BANK_DEBIT_ENROLMENTS.UNIT_CODE.eq(OWNERS.UNIT_CODE))))).isZero();
        assertThat(dsl.fetchCount(BANK_DEBIT_ITEMS, BANK_DEBIT_ITEMS.RESULT.ne("pending")
                .and(BANK_DEBIT_ITEMS.RESULT_ON.isNull()))).isZero();
    }

    @Test
    void scale_0_1_makes_about_200_units() {
        assertThat(dsl.fetchCount(UNITS)).isBetween(170, 260).isEqualTo((int) report.rows("units"));
        assertThat(dsl.fetchCount(ESTATES)).isEqualTo(2);
        assertThat(dsl.fetchCount(CLUSTERS)).isEqualTo(5);
    }

    @Test
    void every_delivered_unit_gets_a_property_fee_statement_every_month() {
        int expected = 0;
        for (LocalDate delivered : dsl.select(UNITS.DELIVERED_ON).from(UNITS).fetch(UNITS.DELIVERED_ON)) {
            for (YearMonth p = YearMonth.from(END).minusMonths(35); ; p = p.plusMonths(1)) {
                LocalDate issued = p.minusMonths(1).atDay(28);
                if (!issued.isBefore(END)) {
                    break;
                }
                expected += issued.isBefore(delivered) ? 0 : 1;
            }
        }
        int regular = dsl.fetchCount(STATEMENTS, STATEMENTS.FEE_TYPE.eq("property_fee")
                .and(STATEMENTS.CORRECTS_STATEMENT_NO.isNull()));
        assertThat(regular).isEqualTo(expected);
    }

    @Test
    void property_fee_is_area_times_rate_rounded_half_up() {
        List<FeeSchedulesRecord> schedules = dsl.selectFrom(FEE_SCHEDULES)
                .where(FEE_SCHEDULES.FEE_TYPE.eq("property_fee")).fetch();
        var statements = dsl
                .select(STATEMENTS.PERIOD, STATEMENTS.AMOUNT, UNITS.AREA_SQM, CLUSTERS.ESTATE_CODE)
                .from(STATEMENTS)
                .join(UNITS).on(UNITS.UNIT_CODE.eq(STATEMENTS.UNIT_CODE))
                .join(BUILDINGS).on(BUILDINGS.BUILDING_CODE.eq(UNITS.BUILDING_CODE))
                .join(CLUSTERS).on(CLUSTERS.CLUSTER_CODE.eq(BUILDINGS.CLUSTER_CODE))
                .where(STATEMENTS.FEE_TYPE.eq("property_fee"))
                .and(STATEMENTS.CORRECTS_STATEMENT_NO.isNull())
                .fetch();
        assertThat(statements).isNotEmpty();
        for (var s : statements) {
            LocalDate first = YearMonth.parse(s.value1()).atDay(1);
            BigDecimal rate = schedules.stream()
                    .filter(f -> f.getEstateCode().equals(s.value4()) && !f.getValidFrom().isAfter(first)
                            && (f.getValidTo() == null || !f.getValidTo().isBefore(first)))
                    .map(FeeSchedulesRecord::getRate).findFirst().orElseThrow();
            assertThat(s.value2()).isEqualTo(s.value3().multiply(rate).setScale(2, RoundingMode.HALF_UP));
        }
    }

    @Test
    void every_cluster_has_a_butler_every_day_and_some_hand_over() {
        List<AssignmentsRecord> assignments = dsl.selectFrom(ASSIGNMENTS).fetch();
        LocalDate start = YearMonth.from(END).minusMonths(35).atDay(1);
        for (String cluster : dsl.select(CLUSTERS.CLUSTER_CODE).from(CLUSTERS).fetch(CLUSTERS.CLUSTER_CODE)) {
            for (LocalDate day = start; day.isBefore(END); day = day.plusDays(1)) {
                LocalDate d = day;
                assertThat(assignments).as(cluster + " on " + day)
                        .anyMatch(a -> a.getClusterCode().equals(cluster) && !a.getFromDate().isAfter(d)
                                && (a.getToDate() == null || !a.getToDate().isBefore(d)));
            }
        }
        assertThat(assignments).anyMatch(a -> a.getToDate() != null && a.getToDate().isAfter(start));
    }

    @Test
    void nothing_happens_on_or_after_the_end_date() {
        assertThat(dsl.select(DSL.max(COMPLAINTS.RECEIVED_AT)).from(COMPLAINTS)
                .fetchOne(0, LocalDateTime.class)).isBefore(END.atStartOfDay());
        assertThat(dsl.select(DSL.max(COMPLAINTS.CLOSED_AT)).from(COMPLAINTS)
                .fetchOne(0, LocalDateTime.class)).isBefore(END.atStartOfDay());
        assertThat(dsl.select(DSL.max(PAYMENTS.PAID_ON)).from(PAYMENTS).fetchOne(0, LocalDate.class))
                .isBefore(END);
        assertThat(dsl.select(DSL.max(STATEMENTS.ISSUED_ON)).from(STATEMENTS).fetchOne(0, LocalDate.class))
                .isBefore(END);
        assertThat(dsl.select(DSL.max(VACANCY_INSPECTIONS.INSPECTED_ON)).from(VACANCY_INSPECTIONS)
                .fetchOne(0, LocalDate.class)).isBefore(END);
        assertThat(dsl.select(DSL.max(UNIT_STATUS.FROM_DATE)).from(UNIT_STATUS).fetchOne(0, LocalDate.class))
                .isBefore(END);
    }

    @Test
    void complaint_statuses_agree_with_their_timestamps() {
        for (ComplaintsRecord c : dsl.selectFrom(COMPLAINTS).fetch()) {
            String expected = c.getClosedAt() != null ? "closed"
                    : c.getResolvedAt() != null ? "resolved"
                    : c.getFirstResponseAt() == null ? "received" : c.getStatus();
            assertThat(c.getStatus()).as(c.getComplaintNo()).isEqualTo(expected);
        }
        assertThat(dsl.fetchCount(COMPLAINTS, COMPLAINTS.FIRST_RESPONSE_AT.isNull())).isPositive();
    }

    @Test
    void expired_notices_come_down_except_a_few_of_the_last_days() {
        LocalDate yesterday = END.minusDays(1);
        int expired = dsl.fetchCount(NOTICES, NOTICES.EXPIRES_ON.lt(yesterday));
        int stillUp = dsl.fetchCount(NOTICES,
                NOTICES.EXPIRES_ON.lt(yesterday).and(NOTICES.TAKEN_DOWN_ON.isNull()));
        assertThat(stillUp).isPositive().isLessThan(expired / 20);
    }

    @Test
    void documents_go_by_post_to_owners_not_moved_in_and_in_person_to_key_customers() {
        int keyCustomersWithSecurity = dsl.fetchCount(dsl.select(DOCUMENT_DELIVERIES.UNIT_CODE)
                .from(DOCUMENT_DELIVERIES)
                .join(OWNERS).on(OWNERS.UNIT_CODE.eq(DOCUMENT_DELIVERIES.UNIT_CODE))
                .where(OWNERS.KEY_CUSTOMER.isTrue())
                .and(DOCUMENT_DELIVERIES.METHOD.eq("with_security")));
        assertThat(keyCustomersWithSecurity).isZero();
        assertThat(dsl.fetchCount(DOCUMENT_DELIVERIES, DOCUMENT_DELIVERIES.METHOD.eq("in_person"))).isPositive();
        assertThat(dsl.fetchCount(DOCUMENT_DELIVERIES, DOCUMENT_DELIVERIES.METHOD.eq("post"))).isPositive();
        assertThat(dsl.fetchCount(DOCUMENT_DELIVERIES, DOCUMENT_DELIVERIES.CALL_ON.isNotNull())).isPositive();
        // today's call list (more than 14 days out, left at the security post, not called) is not empty
        assertThat(dsl.fetchCount(DOCUMENT_DELIVERIES, DOCUMENT_DELIVERIES.DISPATCHED_ON.lt(END.minusDays(14))
                .and(DOCUMENT_DELIVERIES.METHOD.eq("with_security")).and(DOCUMENT_DELIVERIES.COLLECTED_ON.isNull())
                .and(DOCUMENT_DELIVERIES.CALL_ON.isNull()))).isPositive();
    }

    @Test
    void a_few_chronic_defaulters_owe_half_a_year_or_more() {
        var billed = dsl.select(STATEMENTS.UNIT_CODE, DSL.sum(STATEMENTS.AMOUNT).as("billed"),
                        DSL.max(STATEMENTS.AMOUNT).as("monthly"))
                .from(STATEMENTS).where(STATEMENTS.FEE_TYPE.eq("property_fee"))
                .groupBy(STATEMENTS.UNIT_CODE).asTable("b");
        var paid = dsl.select(PAYMENTS.UNIT_CODE, DSL.sum(PAYMENTS.AMOUNT).as("paid"))
                .from(PAYMENTS).where(PAYMENTS.VOIDED_ON.isNull())
                .groupBy(PAYMENTS.UNIT_CODE).asTable("p");
        Field<BigDecimal> owed = billed.field("billed", BigDecimal.class)
                .minus(DSL.coalesce(paid.field("paid", BigDecimal.class), BigDecimal.ZERO));
        int defaulters = dsl.fetchCount(dsl.select(billed.field(0)).from(billed)
                .leftJoin(paid).on(paid.field(0, String.class).eq(billed.field(0, String.class)))
                .where(owed.gt(billed.field("monthly", BigDecimal.class).times(6))));
        assertThat(defaulters).isPositive().isLessThan(dsl.fetchCount(UNITS) / 10);
        assertThat(dsl.fetchCount(LAWYER_LETTERS)).isPositive();
    }

    @Test
    void the_demo_accounts_cover_every_role_and_ten_butlers() {
        List<DemoUser> accounts = org.guanjia.base.CurrentUser.asSystem(startup::accounts);
        List<DemoUser> butlers = accounts.stream().filter(a -> a.role() == Role.BUTLER).toList();
        assertThat(butlers).hasSize(10).extracting(DemoUser::staffCode).doesNotHaveDuplicates()
                .allMatch(code -> code.startsWith("GJ-"));
        assertThat(accounts).extracting(DemoUser::role).contains(Role.ADMIN, Role.MANAGER, Role.SUPERVISOR,
                Role.SERVICE_DESK, Role.FINANCE);
        assertThat(accounts).filteredOn(a -> a.role() == Role.SUPERVISOR).extracting(DemoUser::staffCode)
                .containsExactly("ZG-01");
    }

    @Test
    void visits_come_in_every_kind_with_requests_answered_or_escalated_and_appointments_in_every_state() {
        assertThat(dsl.selectDistinct(VISITS.KIND).from(VISITS).fetch(VISITS.KIND))
                .containsExactlyInAnyOrder("scheduled", "chance", "return");
        assertThat(dsl.fetchCount(VISIT_REQUESTS, VISIT_REQUESTS.ANSWERED_ON_SPOT.isTrue()
                .and(VISIT_REQUESTS.ANSWER.isNotNull()))).isPositive();
        // each escalated request has its follow-up from the visit, some still open, most closed
        assertThat(dsl.fetchCount(VISIT_REQUESTS.join(FOLLOW_UPS)
                .on(FOLLOW_UPS.FOLLOW_UP_NO.eq(VISIT_REQUESTS.FOLLOW_UP_NO))
                .and(FOLLOW_UPS.SOURCE.eq("visit")).and(FOLLOW_UPS.SOURCE_REF.eq(VISIT_REQUESTS.VISIT_NO))))
                .isEqualTo(dsl.fetchCount(VISIT_REQUESTS, VISIT_REQUESTS.FOLLOW_UP_NO.isNotNull()));
        assertThat(dsl.selectDistinct(FOLLOW_UPS.STATUS).from(FOLLOW_UPS).where(FOLLOW_UPS.SOURCE.eq("visit"))
                .fetch(FOLLOW_UPS.STATUS)).contains("closed").containsAnyOf("open", "in_progress", "resolved");
        assertThat(dsl.fetchCount(VISITS, VISITS.STRONG_OPINION.isTrue())).isPositive();
        assertThat(dsl.selectDistinct(VISIT_PLANS.STATUS).from(VISIT_PLANS).fetch(VISIT_PLANS.STATUS))
                .containsExactlyInAnyOrder("planned", "done", "cancelled");
        // a done appointment names the visit that carried it out, on its day and at its unit
        assertThat(dsl.fetchCount(VISIT_PLANS.join(VISITS).on(VISITS.VISIT_NO.eq(VISIT_PLANS.VISIT_NO))
                .and(VISITS.UNIT_CODE.eq(VISIT_PLANS.UNIT_CODE)).and(VISITS.VISITED_ON.eq(VISIT_PLANS.PLANNED_ON))))
                .isEqualTo(dsl.fetchCount(VISIT_PLANS, VISIT_PLANS.STATUS.eq("done")));
        assertThat(dsl.fetchCount(VISIT_PLANS, VISIT_PLANS.STATUS.eq("planned")
                .and(VISIT_PLANS.PLANNED_ON.ge(END)))).isPositive();
    }

    @Test
    void a_database_that_has_estates_is_refused() {
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        assertThatThrownBy(() -> tx.execute(status -> generator.generate(SEED, SCALE, END)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void same_seed_gives_the_same_rows() throws Exception {
        try (Scratch second = new Scratch()) {
            DemoReport again = second.generate(SEED);
            assertThat(again).isEqualTo(report);
            assertThat(rows(second.dsl, COMPLAINTS, COMPLAINTS.COMPLAINT_NO))
                    .isEqualTo(rows(dsl, COMPLAINTS, COMPLAINTS.COMPLAINT_NO));
            assertThat(rows(second.dsl, PAYMENTS, PAYMENTS.PAYMENT_NO))
                    .isEqualTo(rows(dsl, PAYMENTS, PAYMENTS.PAYMENT_NO));
        }
    }

    @Test
    void another_seed_gives_different_totals() throws Exception {
        try (Scratch third = new Scratch()) {
            DemoReport other = third.generate(SEED + 1);
            assertThat(other.statementTotal()).isNotEqualByComparingTo(report.statementTotal());
            assertThat(other.paymentTotal()).isNotEqualByComparingTo(report.paymentTotal());
        }
    }

    /** The table's rows in key order, without the created/updated stamps (those are the database's). */
    private static List<List<Object>> rows(DSLContext d, Table<?> table, TableField<?, String> key) {
        List<Field<?>> fields = new ArrayList<>();
        for (Field<?> f : table.fields()) {
            if (!f.getName().startsWith("created_") && !f.getName().startsWith("updated_")) {
                fields.add(f);
            }
        }
        List<List<Object>> rows = new ArrayList<>();
        for (Record r : d.select(fields).from(table).orderBy(key).fetch()) {
            rows.add(r.intoList());
        }
        return rows;
    }

    /** A fresh in-memory DuckDB database with the schema, outside Spring, for another run. */
    private static final class Scratch implements AutoCloseable {

        final Connection connection;
        final DSLContext dsl;

        Scratch() throws SQLException {
            connection = DriverManager.getConnection("jdbc:duckdb:");
            Flyway.configure().dataSource(new SingleConnectionDataSource(connection, true))
                    .locations("classpath:db/migration").load().migrate();
            connection.setAutoCommit(false);
            dsl = DSL.using(connection, SQLDialect.DUCKDB,
                    new Settings().withFetchWarnings(false).withRenderSchema(false));
        }

        DemoReport generate(long seed) throws SQLException {
            DemoReport r = new DemoDataGenerator(dsl).generate(seed, SCALE, END);
            connection.commit();
            return r;
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }
}

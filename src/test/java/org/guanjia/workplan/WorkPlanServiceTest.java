package org.guanjia.workplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.guanjia.TestClock;
import org.guanjia.TestUsers;
import org.guanjia.analytics.KpiQuery;
import org.guanjia.analytics.KpiService;
import org.guanjia.analytics.KpiSummaries;
import org.guanjia.analytics.KpiTable;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.Page;
import org.guanjia.base.Role;
import org.guanjia.base.ValidationException;
import org.guanjia.base.pdf.PdfText;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Plans and summaries on the KPI test data (sql/tests/base.sql and the statements of
 * sql/tests/collection/monthly): the draft's figures are the KPI service's (what the {@code kpi}
 * command prints) for the same butler or cluster and period, the previous period and the target;
 * status transitions; who may do what; PDF and DOCX read back in the three languages.
 */
@SpringBootTest(properties = "test.context=workplans")
@ActiveProfiles("test")
@Import(TestClock.Config.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class WorkPlanServiceTest {

    @Autowired
    WorkPlanService service;
    @Autowired
    WorkPlanExports exports;
    @Autowired
    KpiService kpi;
    @Autowired
    DataSource dataSource;
    @Autowired
    DSLContext dsl;
    @Autowired
    TestClock clock;

    @BeforeEach
    void given_the_kpi_test_data() throws Exception {
        clock.set(LocalDate.of(2025, 3, 15));
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            var done = st.executeQuery("select count(*) from estates where estate_code = 'E1'");
            done.next();
            if (done.getInt(1) == 0) {
                for (String file : List.of("sql/tests/base.sql",
                        "sql/tests/collection/monthly/given.sql")) {
                    for (String s : Files.readString(Path.of(file)).split(";\\s*(\\n|$)")) {
                        if (!s.replaceAll("(?m)--.*$", "").isBlank()) {
                            st.execute(s);
                        }
                    }
                }
                st.execute("insert into app_users (username, password_hash, display_name, role)"
                        + " values ('wp-sup', 'x', 'Supervisor', 'SUPERVISOR')");
                st.execute("insert into departments (department_code, name, kind) values"
                        + " ('WPD', 'Engineering', 'engineering')");
                st.execute("insert into follow_ups (follow_up_no, source, cluster_code, unit_code,"
                        + " department_code, description, raised_at) values ('WP-FU1', 'visit', 'C1',"
                        + " 'U1', 'WPD', 'Corridor light broken', timestamp '2025-02-20 10:00:00')");
                st.execute("insert into follow_ups (follow_up_no, source, cluster_code, unit_code,"
                        + " department_code, description, raised_at, status, resolved_at) values"
                        + " ('WP-FU2', 'visit', 'C1', 'U2', 'WPD', 'Fixed door', timestamp"
                        + " '2025-02-03 10:00:00', 'resolved', timestamp '2025-02-05 10:00:00')");
                st.execute("insert into visits (visit_no, unit_code, visited_on, staff_code, topic,"
                        + " strong_opinion) values ('WP-V1', 'U3', date '2025-02-12', 'S2',"
                        + " 'Parking fees too high', true)");
                // S2's complaints, repair and scored visit of February: the summaries' service
                // figures (complaints, timeliness, return visits, satisfaction) are not all empty
                st.execute("insert into complaints (complaint_no, unit_code, received_at, category,"
                        + " first_response_at, resolved_at, valid, owner_signed, satisfaction)"
                        + " values ('WP-Q1', 'U1', timestamp '2025-02-05 09:00:00', 'noise',"
                        + " timestamp '2025-02-05 09:20:00', timestamp '2025-02-06 10:00:00', true,"
                        + " true, 4),"
                        + " ('WP-Q2', 'U1', timestamp '2025-02-18 14:00:00', 'parking', timestamp"
                        + " '2025-02-18 15:10:00', null, false, null, null)");
                st.execute("insert into repairs (repair_no, building_code, unit_code, reported_at,"
                        + " completed_at, return_visit_at, score_attitude, score_quality) values"
                        + " ('WP-R1', 'B1', 'U2', timestamp '2025-02-10 08:00:00', timestamp"
                        + " '2025-02-11 12:00:00', timestamp '2025-02-12 09:00:00', 5, 4)");
                st.execute("insert into visits (visit_no, unit_code, visited_on, staff_code, topic,"
                        + " satisfaction) values"
                        + " ('WP-V2', 'U2', date '2025-02-14', 'S2', 'Greening', 5)");
                // rows written by SQL, not the services: the fee summaries as after a write
                KpiSummaries.rebuild(c);
            }
        }
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    /** The KPI service's figure, queried as the kpi command does from its arguments. */
    private BigDecimal kpiFigure(String dataset, String by, String code, String grain, String from,
            String to, String asOf, String period, String column) {
        KpiTable t = kpi.dataset(KpiQuery.parse(dataset, by, grain, from, to, asOf, null));
        int c = t.columns().indexOf("scope_code");
        int p = t.columns().indexOf("period");
        for (List<Object> r : t.rows()) {
            if (code.equals(r.get(c)) && period.equals(r.get(p))) {
                return toDecimal(r.get(t.columns().indexOf(column)));
            }
        }
        throw new AssertionError("no KPI row " + dataset + " " + code + " " + period);
    }

    private static BigDecimal toDecimal(Object v) {
        return v == null ? null : v instanceof BigDecimal b ? b : new BigDecimal(v.toString());
    }

    private static PlanFigure figure(PlanReport r, String measure) {
        return r.figures().stream().filter(f -> f.measure().equals(measure)).findFirst().orElseThrow();
    }

    private String draft(String user, Role role, String staff, String kind, String grain,
            LocalDate day, String cluster) {
        TestUsers.signIn(user, role, staff);
        try {
            return service.createDraft(kind, grain, day, cluster, Locale.ENGLISH).no();
        } finally {
            TestUsers.signOut();
        }
    }

    private void deleteDrafts() {
        dsl.execute("delete from work_plans");
    }

    @Test
    void a_monthly_summary_has_the_kpi_figures_of_the_butler_for_the_month_and_the_month_before() {
        deleteDrafts();
        String no = draft("b2", Role.BUTLER, "S2", "summary", "month", LocalDate.of(2025, 2, 10), null);
        TestUsers.signIn("b2", Role.BUTLER, "S2");
        PlanReport r = service.report(no);

        assertThat(r.kpiPeriod()).isEqualTo("2025-02");
        assertThat(r.prevPeriod()).isEqualTo("2025-01");
        assertThat(r.asOf()).isEqualTo(LocalDate.of(2025, 2, 28));
        assertThat(r.clusters()).containsExactly("C1");
        int compared = 0;
        for (PlanFigure f : r.figures()) {
            if (f.dataset().equals("activities")) {
                continue;
            }
            assertThat(f.value()).as(f.measure()).isEqualTo(kpiFigure(f.dataset(), "butler", "S2",
                    "month", "2025-01", "2025-02", "2025-02-28", "2025-02", f.measure()));
            assertThat(f.previous()).as(f.measure()).isEqualTo(kpiFigure(f.dataset(), "butler", "S2",
                    "month", "2025-01", "2025-02", "2025-02-28", "2025-01", f.measure()));
            compared++;
        }
        assertThat(compared).isGreaterThanOrEqualTo(15);
        // the fixture's February records (a figure of every family is compared, not only zeros)
        assertThat(figure(r, "complaints").value()).isEqualByComparingTo("2");
        assertThat(figure(r, "response_timeliness").value()).isEqualByComparingTo("0.5000");
        assertThat(figure(r, "completed").value()).isEqualByComparingTo("1");
        assertThat(figure(r, "satisfied_rate").value()).isEqualByComparingTo("1.0000");
        // sql/tests/collection/monthly/expected.csv: S2 billed 50.00 in January, 180.00 in February
        assertThat(figure(r, "billed").value()).isEqualByComparingTo("180.00");
        assertThat(figure(r, "billed").previous()).isEqualByComparingTo("50.00");
        assertThat(figure(r, "collection_rate").value()).isEqualByComparingTo("0.5556");
        // the overview dashboard's target
        assertThat(figure(r, "collection_rate").target()).isEqualByComparingTo("0.95");

        assertThat(r.openItems()).extracting(PlanItem::ref).contains("WP-FU1").doesNotContain("WP-FU2");
        assertThat(r.events()).extracting(PlanItem::ref).contains("WP-V1");
        String body = service.get(no).body();
        assertThat(body).contains("Billed: 180.00 (previous 50.00)", "WP-FU1", "WP-V1");
    }

    @Test
    void a_weekly_summary_shows_the_month_to_date_of_the_weeks_last_day() {
        deleteDrafts();
        String no = draft("b2", Role.BUTLER, "S2", "summary", "week", LocalDate.of(2025, 2, 12), null);
        TestUsers.signIn("b2", Role.BUTLER, "S2");
        PlanReport r = service.report(no);
        assertThat(r.period().start()).isEqualTo(LocalDate.of(2025, 2, 10));
        assertThat(r.asOf()).isEqualTo(LocalDate.of(2025, 2, 16));
        assertThat(r.kpiPeriod()).isEqualTo("2025-02");
        for (String m : List.of("billed", "collected_in_period", "arrears", "complaints")) {
            PlanFigure f = figure(r, m);
            assertThat(f.value()).as(m).isEqualTo(kpiFigure(f.dataset(), "butler", "S2", "month",
                    "2025-01", "2025-02", "2025-02-16", "2025-02", m));
        }
    }

    @Test
    void a_cluster_plan_of_a_supervisor_has_the_clusters_figures_of_the_period_before() {
        deleteDrafts();
        String no = draft("wp-sup", Role.SUPERVISOR, null, "plan", "month", LocalDate.of(2025, 3, 3), "C1");
        TestUsers.signIn("wp-sup", Role.SUPERVISOR, null);
        PlanReport r = service.report(no);
        assertThat(r.plan().staffCode()).isNull();
        assertThat(r.kpiPeriod()).isEqualTo("2025-02");
        assertThat(r.figures()).noneMatch(f -> f.dataset().equals("workload"));
        for (PlanFigure f : r.figures()) {
            if (!f.dataset().equals("activities")) {
                assertThat(f.value()).as(f.measure()).isEqualTo(kpiFigure(f.dataset(), "cluster", "C1",
                        "month", "2025-01", "2025-02", "2025-02-28", "2025-02", f.measure()));
            }
        }
        assertThat(figure(r, "billed").value()).isEqualByComparingTo("180.00");
    }

    @Test
    void an_annual_summary_compares_with_the_year_before() {
        deleteDrafts();
        // S2, C1's butler from 1 February 2025: B1's statements billed since then (S3's C2
        // has no units, and its figures are all zero)
        String no = draft("b2", Role.BUTLER, "S2", "summary", "year", LocalDate.of(2025, 6, 1),
                null);
        TestUsers.signIn("b2", Role.BUTLER, "S2");
        PlanReport r = service.report(no);
        assertThat(r.kpiPeriod()).isEqualTo("2025");
        assertThat(r.prevPeriod()).isEqualTo("2024");
        assertThat(r.asOf()).isEqualTo(LocalDate.of(2025, 3, 15));
        PlanFigure billed = figure(r, "billed");
        assertThat(billed.value()).isPositive().isEqualTo(kpiFigure("collection", "butler", "S2",
                "year", "2024-01", "2025-12", "2025-03-15", "2025", "billed"));
    }

    @Test
    void draft_submitted_returned_resubmitted_approved() {
        deleteDrafts();
        String no = draft("b2", Role.BUTLER, "S2", "summary", "month", LocalDate.of(2025, 2, 1), null);
        TestUsers.signIn("b2", Role.BUTLER, "S2");
        assertThat(service.get(no).status()).isEqualTo("draft");
        assertThat(service.save(no, "My text").body()).isEqualTo("My text");
        assertThatThrownBy(() -> service.submit(no, "  ")).isInstanceOf(ValidationException.class);
        WorkPlan submitted = service.submit(no, "My final text");
        assertThat(submitted.status()).isEqualTo("submitted");
        assertThat(submitted.submittedAt()).isNotNull();
        assertThatThrownBy(() -> service.save(no, "late change")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> service.approve(no, null)).isInstanceOf(AccessDeniedException.class);

        TestUsers.signIn("wp-sup", Role.SUPERVISOR, null);
        assertThat(service.list(WorkPlanFilter.TO_REVIEW, Page.first(10))).extracting(WorkPlan::no)
                .contains(no);
        assertThatThrownBy(() -> service.sendBack(no, " ")).isInstanceOf(ValidationException.class);
        WorkPlan returned = service.sendBack(no, "Add the arrears plan");
        assertThat(returned.status()).isEqualTo("returned");
        assertThat(returned.reviewComment()).isEqualTo("Add the arrears plan");
        assertThat(returned.reviewer()).isEqualTo("wp-sup");
        assertThatThrownBy(() -> service.approve(no, null)).isInstanceOf(ValidationException.class);

        TestUsers.signIn("b2", Role.BUTLER, "S2");
        service.submit(no, "My final text with the arrears plan");
        TestUsers.signIn("wp-sup", Role.SUPERVISOR, null);
        WorkPlan approved = service.approve(no, "Good");
        assertThat(approved.status()).isEqualTo("approved");
        assertThat(approved.reviewedAt()).isNotNull();

        TestUsers.signIn("b2", Role.BUTLER, "S2");
        assertThatThrownBy(() -> service.submit(no, "again")).isInstanceOf(ValidationException.class);
        Integer audited = dsl.fetchOne("select count(*) from audit_log where entity = 'work_plan'"
                + " and entity_key = ?", no).get(0, Integer.class);
        // create, save, submit, return, submit, approve (the refused calls wrote nothing)
        assertThat(audited).isEqualTo(6);
    }

    @Test
    void each_role_is_held_to_its_scope() {
        deleteDrafts();
        String no = draft("b2", Role.BUTLER, "S2", "plan", "week", LocalDate.of(2025, 3, 10), null);
        String other = draft("b3", Role.BUTLER, "S3", "plan", "week", LocalDate.of(2025, 3, 10), null);

        TestUsers.signIn("b3", Role.BUTLER, "S3");
        assertThatThrownBy(() -> service.get(no)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.report(no)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.save(no, "x")).isInstanceOf(AccessDeniedException.class);
        assertThat(service.list(WorkPlanFilter.ALL, Page.first(50))).extracting(WorkPlan::no)
                .containsExactly(other);
        assertThat(service.count(WorkPlanFilter.ALL)).isEqualTo(1);
        assertThatThrownBy(() -> service.createDraft("plan", "week", LocalDate.of(2025, 3, 10), null,
                Locale.ENGLISH)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("plan.validation.exists");

        TestUsers.signIn("b1", Role.BUTLER, "S1");
        // S1 left C1 on 14 February: no cluster in March
        assertThatThrownBy(() -> service.createDraft("plan", "month", LocalDate.of(2025, 3, 10), null,
                Locale.ENGLISH)).isInstanceOf(ValidationException.class);

        TestUsers.signIn("fin", Role.FINANCE, null);
        assertThatThrownBy(() -> service.list(WorkPlanFilter.ALL, Page.first(5)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.get(no)).isInstanceOf(AccessDeniedException.class);
        TestUsers.signIn("desk", Role.SERVICE_DESK, null);
        assertThatThrownBy(() -> service.createDraft("plan", "month", LocalDate.of(2025, 3, 10), "C1",
                Locale.ENGLISH)).isInstanceOf(AccessDeniedException.class);

        TestUsers.signIn("mgr", Role.MANAGER, null);
        assertThat(service.list(WorkPlanFilter.ALL, Page.first(50))).extracting(WorkPlan::no)
                .containsExactlyInAnyOrder(no, other);
        assertThatThrownBy(() -> service.save(no, "x")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.createDraft("plan", "month", LocalDate.of(2025, 3, 10), "NOPE",
                Locale.ENGLISH)).isInstanceOf(ValidationException.class);
    }

    @Test
    void pdf_and_docx_carry_the_figures_and_the_headings_in_each_language() throws Exception {
        deleteDrafts();
        String no = draft("b2", Role.BUTLER, "S2", "summary", "month", LocalDate.of(2025, 2, 10), null);
        TestUsers.signIn("b2", Role.BUTLER, "S2");
        String[][] headings = {
            {"en", "Key figures 2025-02", "Billed", "Open issues", "Monthly work summary"},
            {"zh-CN", "主要指标 2025-02", "应收", "未结事项", "月度工作总结"},
            {"zh-TW", "主要指標 2025-02", "應收", "未結事項", "月度工作總結"}};
        for (String[] h : headings) {
            Locale locale = Locale.forLanguageTag(h[0]);
            String pdf = PdfText.of(exports.pdf(no, locale));
            String docx;
            try (XWPFDocument d = new XWPFDocument(new ByteArrayInputStream(exports.docx(no, locale)));
                    XWPFWordExtractor x = new XWPFWordExtractor(d)) {
                docx = x.getText();
            }
            for (String text : new String[] {pdf, docx}) {
                assertThat(text).as(h[0]).contains(h[1], h[3], h[4], "180.00", "50.00", "55.6%",
                        "WP-FU1", "WP-V1", no);
                assertThat(text).as(h[0]).contains(h[2]);
            }
        }
    }
}

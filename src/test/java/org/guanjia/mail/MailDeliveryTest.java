package org.guanjia.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.guanjia.TestClock;
import org.guanjia.TestUsers;
import org.guanjia.analytics.KpiSummaries;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.Role;
import org.guanjia.base.ValidationException;
import org.guanjia.base.pdf.PdfText;
import org.guanjia.workplan.WorkPlanService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Scheduled delivery against an in-process SMTP server (GreenMail): due subscriptions are sent
 * once per delivery day, each message carries its PDF, which is read back. Data: the KPI test
 * data (sql/tests) and a butler's submitted monthly summary.
 */
@SpringBootTest(properties = {"test.context=mail", "spring.mail.host=localhost",
    "spring.mail.port=3925", "guanjia.mail.from=guanjia@test.local"})
@ActiveProfiles("test")
@Import(TestClock.Config.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MailDeliveryTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(3925, null, "smtp"));

    @Autowired
    MailDelivery delivery;
    @Autowired
    SubscriptionService subscriptions;
    @Autowired
    WorkPlanService plans;
    @Autowired
    DataSource dataSource;
    @Autowired
    TestClock clock;

    @BeforeEach
    void given_the_kpi_test_data() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            var done = st.executeQuery("select count(*) from estates where estate_code = 'E1'");
            done.next();
            if (done.getInt(1) == 0) {
                for (String file : List.of("sql/tests/base.sql", "sql/tests/collection/monthly/given.sql")) {
                    for (String s : Files.readString(Path.of(file)).split(";\\s*(\\n|$)")) {
                        if (!s.replaceAll("(?m)--.*$", "").isBlank()) {
                            st.execute(s);
                        }
                    }
                }
                // rows written by SQL, not the services: the fee summaries as after a write
                KpiSummaries.rebuild(c);
            }
            st.execute("delete from mail_subscriptions");
            st.execute("delete from work_plans");
        }
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private static byte[] pdfOf(MimeMessage m) throws Exception {
        Multipart mp = (Multipart) m.getContent();
        for (int i = 0; i < mp.getCount(); i++) {
            BodyPart part = mp.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                assertThat(part.getFileName()).endsWith(".pdf");
                assertThat(part.getContentType()).startsWith("application/pdf");
                try (InputStream in = part.getInputStream()) {
                    return in.readAllBytes();
                }
            }
        }
        throw new AssertionError("no PDF attachment");
    }

    @Test
    void due_subscriptions_are_sent_once_with_their_pdf() throws Exception {
        clock.set(LocalDate.of(2025, 3, 10));
        TestUsers.signIn("b2", Role.BUTLER, "S2");
        String no = plans.createDraft("summary", "month", LocalDate.of(2025, 2, 1), null, Locale.ENGLISH).no();
        plans.submit(no, "February went well.");
        TestUsers.signIn("mgr", Role.MANAGER, null);
        subscriptions.save(new Subscription(null, null, "boss@example.com", "dashboard", "overview", "E1",
                "monthly", "zh-CN", true, null, null));
        subscriptions.save(new Subscription(null, null, "boss@example.com", "summaries", null, null,
                "monthly", "en", true, null, null));
        subscriptions.save(new Subscription(null, null, "paused@example.com", "summaries", null, null,
                "weekly", "en", false, null, null));
        TestUsers.signOut();

        // the job runs as the system, with nobody signed in
        assertThat(delivery.sendDue()).isEqualTo(2);
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(2);
        assertThat(Arrays.stream(received).map(m -> {
            try {
                return m.getAllRecipients()[0].toString();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        })).containsOnly("boss@example.com");

        List<String> subjects = Arrays.stream(received).map(MailDeliveryTest::subject).toList();
        MimeMessage dashboard = Arrays.stream(received).filter(m -> subject(m).startsWith("管理总览"))
                .findFirst().orElseThrow(() -> new AssertionError(subjects));
        assertThat(subject(dashboard)).contains("2025-02-01", "2025-02-28");
        assertThat(dashboard.getFrom()[0].toString()).isEqualTo("guanjia@test.local");
        String dashText = PdfText.of(pdfOf(dashboard));
        assertThat(dashText).contains("管理总览", "当期收缴率", "2025-02", "E1");

        MimeMessage summaries = Arrays.stream(received).filter(m -> subject(m).startsWith("Butler summaries"))
                .findFirst().orElseThrow(() -> new AssertionError(subjects));
        String sumText = PdfText.of(pdfOf(summaries));
        // the summary's figures: S2 billed 180.00 in February, 50.00 in January (sql/tests)
        assertThat(sumText).contains(no, "February went well.", "Key figures 2025-02", "180.00", "50.00");

        // sent today: not again; the next delivery day (1 April) sends both again
        assertThat(delivery.sendDue()).isZero();
        clock.set(LocalDate.of(2025, 4, 1));
        assertThat(delivery.sendDue()).isEqualTo(2);
        assertThat(smtp.getReceivedMessages()).hasSize(4);
    }

    @Test
    void delivery_days_and_periods() {
        DeliveryPeriod w = DeliveryPeriod.latest("weekly", LocalDate.of(2025, 3, 12));
        assertThat(w).isEqualTo(new DeliveryPeriod(LocalDate.of(2025, 3, 10), LocalDate.of(2025, 3, 3),
                LocalDate.of(2025, 3, 9)));
        DeliveryPeriod m = DeliveryPeriod.latest("monthly", LocalDate.of(2025, 3, 1));
        assertThat(m).isEqualTo(new DeliveryPeriod(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 2, 1),
                LocalDate.of(2025, 2, 28)));
        DeliveryPeriod q = DeliveryPeriod.latest("quarterly", LocalDate.of(2025, 6, 30));
        assertThat(q).isEqualTo(new DeliveryPeriod(LocalDate.of(2025, 4, 1), LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 3, 31)));
        Subscription sentMonday = new Subscription(1L, "u", "a@b.cn", "summaries", null, null, "weekly",
                "en", true, LocalDate.of(2025, 3, 10), null);
        assertThat(DeliveryPeriod.due(sentMonday, LocalDate.of(2025, 3, 16))).isFalse();
        assertThat(DeliveryPeriod.due(sentMonday, LocalDate.of(2025, 3, 17))).isTrue();
    }

    @Test
    void only_managers_and_administrators_subscribe_and_each_sees_their_own() {
        TestUsers.signIn("mgr1", Role.MANAGER, null);
        Subscription mine = subscriptions.save(new Subscription(null, null, "m1@example.com", "summaries",
                null, null, "weekly", "en", true, null, null));
        assertThatThrownBy(() -> subscriptions.save(new Subscription(null, null, "not-an-address", "summaries",
                null, null, "weekly", "en", true, null, null))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> subscriptions.save(new Subscription(null, null, "m1@example.com", "dashboard",
                "no-such-board", null, "weekly", "en", true, null, null))).isInstanceOf(ValidationException.class);
        TestUsers.signIn("mgr2", Role.MANAGER, null);
        assertThat(subscriptions.list()).isEmpty();
        assertThatThrownBy(() -> subscriptions.get(mine.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> subscriptions.delete(mine.id())).isInstanceOf(AccessDeniedException.class);
        TestUsers.signIn("sup", Role.SUPERVISOR, null);
        assertThatThrownBy(() -> subscriptions.list()).isInstanceOf(AccessDeniedException.class);
        TestUsers.signIn("admin", Role.ADMIN, null);
        assertThat(subscriptions.list()).extracting(Subscription::id).containsExactly(mine.id());
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

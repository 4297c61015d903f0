package org.guanjia.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.guanjia.db.Tables.COLLECTION_ACTIONS;
import static org.guanjia.db.Tables.LAWYER_LETTERS;
import static org.guanjia.db.Tables.LAWYER_LETTER_LINES;

import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.guanjia.TestClock;
import org.guanjia.TestUsers;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.Role;
import org.guanjia.base.ValidationException;
import org.guanjia.base.pdf.PdfText;
import org.guanjia.billing.AllocationService;
import org.guanjia.db.tables.records.CollectionActionsRecord;
import org.guanjia.db.tables.records.LawyerLettersRecord;
import org.guanjia.estate.EstateService;
import org.guanjia.staff.StaffService;
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
 * Lawyer's letters on 23 June 2025 over {@link CollectionFixtures#quarterTwo}. u32 owes April
 * (due 30 April) and May (due 31 May): 100.00 x 0.0003 x 54 days = 1.62 and 100.00 x 0.0003 x
 * 23 days = 0.69, late fee 2.31. u21 paid 150.00 on 10 May: April is paid, May has 50.00 left:
 * 50.00 x 0.0003 x 23 = 0.345, rounded half-up 0.35. June is not due yet.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(TestClock.Config.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class LawyerLetterServiceTest {

    @Autowired
    LawyerLetterService letters;
    @Autowired
    CollectionService service;
    @Autowired
    EstateService estates;
    @Autowired
    StaffService staff;
    @Autowired
    AllocationService allocations;
    @Autowired
    DSLContext dsl;
    @Autowired
    TestClock clock;

    CollectionFixtures f;

    @BeforeEach
    void given_overdue_units() {
        f = new CollectionFixtures("LL" + UUID.randomUUID().toString().substring(0, 6) + "-", estates,
                staff, dsl, allocations);
        f.quarterTwo();
        clock.set(LocalDate.of(2025, 6, 23));
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void the_letter_lists_the_overdue_statements_with_the_late_fee() {
        TestUsers.signIn("b3", Role.BUTLER, f.s3);

        LawyerLetter draft = letters.draft(f.u32);

        assertThat(draft.letterNo()).isNull();
        assertThat(draft.lines()).extracting(LetterLine::period).containsExactly("2025-04", "2025-05");
        assertThat(draft.lines()).extracting(LetterLine::daysOverdue).containsExactly(54, 23);
        assertThat(draft.lines()).extracting(l -> l.lateFee().toPlainString()).containsExactly("1.62", "0.69");
        assertThat(draft.principal()).isEqualByComparingTo("200.00");
        assertThat(draft.lateFee()).isEqualByComparingTo("2.31");
        assertThat(draft.total()).isEqualByComparingTo("202.31");
    }

    @Test
    void a_partly_paid_statement_bears_the_late_fee_on_what_is_left_rounded_half_up() {
        TestUsers.signIn("b2", Role.BUTLER, f.s2);

        LawyerLetter draft = letters.draft(f.u21);

        assertThat(draft.lines()).singleElement().satisfies(l -> {
            assertThat(l.period()).isEqualTo("2025-05");
            assertThat(l.outstanding()).isEqualByComparingTo("50.00");
            assertThat(l.lateFee()).isEqualByComparingTo("0.35");
        });
    }

    @Test
    void sending_records_the_letter_with_its_lines_and_logs_it_together() {
        TestUsers.signIn("b3", Role.BUTLER, f.s3);
        clock.set(LocalDate.of(2025, 6, 16));
        service.log(new NewCollectionAction(f.u32, null, "phone", "malicious", null, null, null, null));
        clock.set(LocalDate.of(2025, 6, 23));

        LawyerLetter sent = letters.send(f.u32);

        LawyerLettersRecord row = dsl.fetchSingle(LAWYER_LETTERS, LAWYER_LETTERS.LETTER_NO.eq(sent.letterNo()));
        assertThat(row.getUnitCode()).isEqualTo(f.u32);
        assertThat(row.getStaffCode()).isEqualTo(f.s3);
        assertThat(row.getSentOn()).isEqualTo(LocalDate.of(2025, 6, 23));
        assertThat(row.getPrincipal()).isEqualByComparingTo("200.00");
        assertThat(row.getLateFee()).isEqualByComparingTo("2.31");
        assertThat(row.getLateFeeRate()).isEqualByComparingTo("0.0003");
        assertThat(row.getLateFeeStartDays()).isEqualTo(1);
        assertThat(dsl.fetchCount(LAWYER_LETTER_LINES, LAWYER_LETTER_LINES.LETTER_NO.eq(sent.letterNo())))
                .isEqualTo(2);
        CollectionActionsRecord logged = dsl.fetchSingle(COLLECTION_ACTIONS, COLLECTION_ACTIONS.UNIT_CODE
                .eq(f.u32).and(COLLECTION_ACTIONS.METHOD.eq("lawyer_letter")));
        assertThat(logged.getActionOn()).isEqualTo(LocalDate.of(2025, 6, 23));
        assertThat(logged.getStaffCode()).isEqualTo(f.s3);
        assertThat(logged.getReason()).isEqualTo("malicious");
        assertThat(logged.getNote()).contains(sent.letterNo());
        assertThat(service.unit(f.u32).orElseThrow().letters()).extracting(LawyerLetter::letterNo)
                .containsExactly(sent.letterNo());
    }

    @Test
    void a_unit_with_nothing_overdue_gets_no_letter_and_nothing_is_written() {
        TestUsers.signIn("b1", Role.BUTLER, f.s1);

        // u11 paid April and May; June is not due yet
        assertThatThrownBy(() -> letters.send(f.u11)).isInstanceOf(ValidationException.class);
        assertThat(dsl.fetchCount(LAWYER_LETTERS, LAWYER_LETTERS.UNIT_CODE.eq(f.u11))).isZero();
        assertThat(dsl.fetchCount(COLLECTION_ACTIONS, COLLECTION_ACTIONS.UNIT_CODE.eq(f.u11))).isZero();
    }

    @Test
    void only_butlers_of_the_cluster_supervisors_and_administrators_send_letters() {
        TestUsers.signIn("b1", Role.BUTLER, f.s1);
        assertThatThrownBy(() -> letters.send(f.u32)).isInstanceOf(AccessDeniedException.class);
        TestUsers.signIn("fin", Role.FINANCE, null);
        assertThatThrownBy(() -> letters.send(f.u32)).isInstanceOf(AccessDeniedException.class);
        TestUsers.signIn("desk", Role.SERVICE_DESK, null);
        assertThatThrownBy(() -> letters.draft(f.u32)).isInstanceOf(AccessDeniedException.class);
        assertThat(dsl.fetchCount(LAWYER_LETTERS, LAWYER_LETTERS.UNIT_CODE.eq(f.u32))).isZero();

        TestUsers.signIn("sup", Role.SUPERVISOR, null);
        assertThat(letters.send(f.u32).letterNo()).startsWith("LL-2025-");
    }

    @Test
    void the_pdf_in_simplified_chinese_names_owner_unit_periods_amounts_and_the_late_fee() {
        TestUsers.signIn("admin", Role.ADMIN, null);
        LawyerLetter sent = letters.send(f.u32);

        String text = PdfText.of(letters.pdf(sent.letterNo(), Locale.SIMPLIFIED_CHINESE));

        assertThat(text).contains("律师函", sent.letterNo(), "Owner " + f.u32, f.u32, "Mail box " + f.u32,
                "2025-04", "2025-05", "2025-04-30", "2025-05-31", "100.00", "1.62", "0.69", "200.00",
                "2.31", "CNY 202.31", "滞纳金", "0.03%");
        assertThat(text).doesNotContain("2025-06-30");
    }

    @Test
    void the_pdf_speaks_the_readers_language() {
        TestUsers.signIn("admin", Role.ADMIN, null);
        LawyerLetter sent = letters.send(f.u21);

        String english = PdfText.of(letters.pdf(sent.letterNo(), Locale.ENGLISH));
        String traditional = PdfText.of(letters.pdf(sent.letterNo(), Locale.TRADITIONAL_CHINESE));

        assertThat(english).contains("Lawyer's letter", "Late fee", "50.00", "0.35", "CNY 50.35");
        assertThat(traditional).contains("律師函", "滯納金", "50.00", "0.35");
    }

    @Test
    void a_butler_of_another_cluster_cannot_download_the_letter() {
        TestUsers.signIn("admin", Role.ADMIN, null);
        LawyerLetter sent = letters.send(f.u32);
        TestUsers.signIn("b1", Role.BUTLER, f.s1);

        assertThatThrownBy(() -> letters.pdf(sent.letterNo(), Locale.ENGLISH))
                .isInstanceOf(AccessDeniedException.class);
    }
}

package org.guanjia.bankdebit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.guanjia.db.Tables.BANK_DEBIT_BATCHES;
import static org.guanjia.db.Tables.BANK_DEBIT_ENROLMENTS;
import static org.guanjia.db.Tables.BANK_DEBIT_IMPORTS;
import static org.guanjia.db.Tables.BANK_DEBIT_ITEMS;
import static org.guanjia.db.Tables.COLLECTION_ACTIONS;
import static org.guanjia.db.Tables.PAYMENTS;
import static org.guanjia.db.Tables.PAYMENT_ALLOCATIONS;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.guanjia.TestClock;
import org.guanjia.TestUsers;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.Page;
import org.guanjia.base.Role;
import org.guanjia.base.ValidationException;
import org.guanjia.billing.AllocationService;
import org.guanjia.estate.EstateService;
import org.guanjia.estate.Owner;
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
 * Bank auto-debit on a hand-made estate (see {@link BankDebitFixture}): list date Wednesday
 * 2025-03-12. U1 owes 170.00 after a partial payment, U2 has paid everything, U3 owes but its
 * enrolment ended, U4 owed 50.00 until a payment on 2025-03-11.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(TestClock.Config.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BankDebitServiceTest {

    static final LocalDate WEDNESDAY = LocalDate.of(2025, 3, 12);

    @Autowired
    BankDebitService service;
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

    BankDebitFixture f;

    @BeforeEach
    void given_a_small_estate_with_enrolled_owners() {
        clock.set(WEDNESDAY);
        f = BankDebitFixture.create("D" + UUID.randomUUID().toString().substring(0, 6) + "-", dsl,
                estates, staff, service, allocations);
        TestUsers.signIn("finance1", Role.FINANCE, null);
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    // --- enrolments -------------------------------------------------------------------------

    @Test
    void an_enrolment_needs_bank_holder_start_and_an_account_of_8_to_30_digits() {
        EnrolmentForm bad = new EnrolmentForm(f.owner(3), " ", "", "12ab-34", null, null, null);

        assertThatThrownBy(() -> service.saveEnrolment(null, bad))
                .isInstanceOfSatisfying(ValidationException.class, e ->
                        assertThat(e.problems()).extracting(ValidationException.Problem::field,
                                ValidationException.Problem::messageKey).contains(
                                tuple("bankName", "validation.required"),
                                tuple("accountHolder", "validation.required"),
                                tuple("enrolledOn", "validation.required"),
                                tuple("accountNo", "debit.validation.accountNo")));
        assertThat(dsl.fetchCount(BANK_DEBIT_ENROLMENTS)).isEqualTo(4);
    }

    @Test
    void an_enrolment_of_an_unknown_owner_or_ending_before_it_starts_is_refused() {
        assertThatThrownBy(() -> service.saveEnrolment(null, new EnrolmentForm("nobody", "BoCom",
                "X", "6222600010001234", WEDNESDAY, null, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.Problem::field).containsExactly("ownerCode"));
        assertThatThrownBy(() -> service.saveEnrolment(null, new EnrolmentForm(f.owner(3), "BoCom",
                "X", "6222600010001234", WEDNESDAY, WEDNESDAY.minusDays(1), null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.Problem::field).containsExactly("endedOn"));
    }

    @Test
    void the_account_number_is_stored_in_full_but_listed_masked_except_the_last_4_digits() {
        List<Enrolment> list = service.enrolments(f.unit(1), null, false, Page.first(10));

        assertThat(list).singleElement().satisfies(e -> {
            assertThat(e.maskedAccountNo()).isEqualTo("**** 4567");
            assertThat(e.toString()).doesNotContain("62226000100012345");
        });
        assertThat(dsl.select(BANK_DEBIT_ENROLMENTS.ACCOUNT_NO).from(BANK_DEBIT_ENROLMENTS)
                .where(BANK_DEBIT_ENROLMENTS.UNIT_CODE.eq(f.unit(1))).fetchOne(0, String.class))
                .isEqualTo("6222600010001234567");
        assertThat(service.enrolmentForm(list.get(0).id()).orElseThrow().accountNo()).isNull();
    }

    @Test
    void enrolling_sets_the_owners_auto_debit_flag_and_ending_the_enrolment_clears_it() {
        assertThat(ownerFlag(f.owner(1))).isTrue();
        Enrolment e = service.enrolments(f.unit(1), null, false, Page.first(10)).get(0);
        EnrolmentForm form = service.enrolmentForm(e.id()).orElseThrow();

        service.saveEnrolment(e.id(), new EnrolmentForm(form.ownerCode(), form.bankName(),
                form.accountHolder(), null, form.enrolledOn(), WEDNESDAY.minusDays(1), form.note()));

        assertThat(ownerFlag(f.owner(1))).isFalse();
        assertThat(service.enrolments(f.unit(1), null, false, Page.first(10)).get(0).maskedAccountNo())
                .as("an empty account number keeps the stored one").isEqualTo("**** 4567");
    }

    @Test
    void a_second_enrolment_of_the_same_unit_for_overlapping_days_is_refused() {
        assertThatThrownBy(() -> service.saveEnrolment(null, new EnrolmentForm(f.owner(1), "BoCom",
                "Someone", "6222600099990000", WEDNESDAY.plusDays(10), null, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.Problem::field, ValidationException.Problem::messageKey)
                        .containsExactly(tuple("enrolledOn", "debit.validation.overlap")));
    }

    @Test
    void a_butler_reads_the_enrolments_of_their_clusters_only_and_cannot_change_them() {
        TestUsers.signIn("butler1", Role.BUTLER, f.butler(1));

        assertThat(service.enrolments(f.prefix(), null, false, Page.first(50)))
                .extracting(Enrolment::unitCode).containsExactly(f.unit(1), f.unit(2));
        assertThatThrownBy(() -> service.saveEnrolment(null, new EnrolmentForm(f.owner(3), "BoCom",
                "X", "6222600010001234", WEDNESDAY, null, null)))
                .isInstanceOf(AccessDeniedException.class);
    }

    // --- the weekly list --------------------------------------------------------------------

    @Test
    void the_list_has_only_enrolled_units_with_open_statements_each_for_its_outstanding() {
        DebitListPreview today = service.previewList(WEDNESDAY);
        DebitListPreview monday = service.previewList(WEDNESDAY.minusDays(2));

        assertThat(today.units()).extracting(DebitCandidate::unitCode, DebitCandidate::amount)
                .containsExactly(tuple(f.unit(1), new BigDecimal("170.00")));
        assertThat(today.total()).isEqualByComparingTo("170.00");
        assertThat(monday.units()).as("U4's payment of the 11th is after the list date")
                .extracting(DebitCandidate::unitCode, DebitCandidate::amount)
                .containsExactly(tuple(f.unit(1), new BigDecimal("170.00")),
                        tuple(f.unit(4), new BigDecimal("50.00")));
        assertThat(monday.total()).isEqualByComparingTo("220.00");
        assertThat(today.units().get(0).maskedAccountNo()).isEqualTo("**** 4567");
    }

    @Test
    void creating_the_list_makes_a_draft_batch_with_one_item_per_unit() {
        DebitBatch b = service.createList(WEDNESDAY, "week 11");

        assertThat(b.status()).isEqualTo(DebitBatch.DRAFT);
        assertThat(b.batchNo()).startsWith("BD-2025-");
        assertThat(b.items()).isEqualTo(1);
        assertThat(b.total()).isEqualByComparingTo("170.00");
        assertThat(service.items(b.batchNo())).extracting(DebitItem::unitCode, DebitItem::amount,
                DebitItem::result).containsExactly(tuple(f.unit(1), new BigDecimal("170.00"), "pending"));
    }

    @Test
    void a_second_list_in_the_same_week_is_refused_and_the_next_week_leaves_out_units_waiting_for_the_bank() {
        DebitBatch first = service.createList(WEDNESDAY, null);
        clock.set(WEDNESDAY.plusDays(2));
        DebitListPreview sameWeek = service.previewList(WEDNESDAY.plusDays(2));
        assertThat(sameWeek.conflictingBatch()).isEqualTo(first.batchNo());
        assertThat(sameWeek.units()).extracting(DebitCandidate::unitCode).containsExactly(f.unit(1));
        assertThat(sameWeek.canCreate()).isFalse();

        assertThatThrownBy(() -> service.createList(WEDNESDAY.plusDays(2), null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.Problem::messageKey, p -> p.args().get(0))
                        .containsExactly(tuple("debit.validation.weekTaken", first.batchNo())));
        assertThat(dsl.fetchCount(BANK_DEBIT_BATCHES)).isEqualTo(1);
        clock.set(WEDNESDAY.plusDays(5));
        DebitListPreview nextWeek = service.previewList(WEDNESDAY.plusDays(5));
        assertThat(nextWeek.conflictingBatch()).isNull();
        assertThat(nextWeek.waitingForBank()).containsExactly(f.unit(1));
        assertThat(nextWeek.canCreate()).isFalse();
    }

    @Test
    void a_list_date_in_the_future_is_refused() {
        assertThatThrownBy(() -> service.previewList(WEDNESDAY.plusDays(1)))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void a_butler_cannot_make_or_read_debit_lists() {
        TestUsers.signIn("butler1", Role.BUTLER, f.butler(1));

        assertThatThrownBy(() -> service.previewList(WEDNESDAY)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.batches(Page.first(5))).isInstanceOf(AccessDeniedException.class);
    }

    // --- the file for the bank --------------------------------------------------------------

    @Test
    void the_csv_for_the_bank_has_the_documented_columns_and_escapes_a_formula_looking_name() throws Exception {
        f.renameOwner(1, "=HYPERLINK(\"http://x\")", dsl);
        DebitBatch b = service.createList(WEDNESDAY, null);

        byte[] csv = service.exportCsv(b.batchNo());

        try (CSVParser p = CSVParser.parse(new StringReader(new String(csv, StandardCharsets.UTF_8)),
                CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            assertThat(p.getHeaderNames()).containsExactly("batch_no", "unit_code", "owner_name",
                    "account_holder", "account_no", "amount", "reference");
            List<CSVRecord> rows = p.getRecords();
            assertThat(rows).hasSize(1);
            CSVRecord r = rows.get(0);
            assertThat(r.get("batch_no")).isEqualTo(b.batchNo());
            assertThat(r.get("unit_code")).isEqualTo(f.unit(1));
            assertThat(r.get("owner_name")).isEqualTo("'=HYPERLINK(\"http://x\")");
            assertThat(r.get("account_holder")).isEqualTo("Holder One");
            assertThat(r.get("account_no")).isEqualTo("6222600010001234567");
            assertThat(r.get("amount")).isEqualTo("170.00");
            assertThat(r.get("reference")).isEqualTo(b.batchNo() + "/" + f.unit(1));
        }
        assertThat(service.batch(b.batchNo()).orElseThrow())
                .extracting(DebitBatch::status, DebitBatch::sentOn).containsExactly("sent", WEDNESDAY);
    }

    @Test
    void the_xlsx_for_the_bank_holds_text_cells_and_a_numeric_amount() throws Exception {
        f.renameOwner(1, "=1+2", dsl);
        DebitBatch b = service.createList(WEDNESDAY, null);

        byte[] xlsx = service.exportXlsx(b.batchNo());

        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet s = wb.getSheetAt(0);
            Row head = s.getRow(0);
            assertThat(List.of(head.getCell(0).getStringCellValue(), head.getCell(4).getStringCellValue(),
                    head.getCell(6).getStringCellValue())).containsExactly("batch_no", "account_no", "reference");
            Row row = s.getRow(1);
            assertThat(row.getCell(2).getCellType()).as("owner name is text, never a formula")
                    .isEqualTo(CellType.STRING);
            assertThat(row.getCell(2).getStringCellValue()).isEqualTo("=1+2");
            assertThat(row.getCell(4).getStringCellValue()).isEqualTo("6222600010001234567");
            assertThat(row.getCell(5).getNumericCellValue()).isEqualTo(170.00);
            assertThat(s.getLastRowNum()).isEqualTo(1);
        }
    }

    // --- the bank's result file -------------------------------------------------------------

    private DebitBatch sentBatchOfMonday() {
        DebitBatch b = service.createList(WEDNESDAY.minusDays(2), null);
        service.exportCsv(b.batchNo());
        return b;
    }

    @Test
    void a_successful_debit_becomes_a_payment_and_the_unit_owes_nothing() {
        DebitBatch b = sentBatchOfMonday();
        String file = "reference,result,amount,debit_date,failure_reason\n"
                + b.batchNo() + "/" + f.unit(1) + ",success,170.00,2025-03-11,\n"
                + b.batchNo() + "/" + f.unit(4) + ",success,50.00,2025-03-11,\n";

        ResultImport r = service.importResults(b.batchNo(), "result.csv", utf8(file));

        assertThat(r.succeeded()).isEqualTo(2);
        assertThat(r.debited()).isEqualByComparingTo("220.00");
        assertThat(r.stillPending()).isZero();
        var payment = dsl.selectFrom(PAYMENTS).where(PAYMENTS.UNIT_CODE.eq(f.unit(1)))
                .and(PAYMENTS.CHANNEL.eq("bank_debit")).fetchSingle();
        assertThat(payment.getAmount()).isEqualByComparingTo("170.00");
        assertThat(payment.getPaidOn()).isEqualTo(LocalDate.of(2025, 3, 11));
        assertThat(service.items(b.batchNo())).filteredOn(i -> i.unitCode().equals(f.unit(1)))
                .extracting(DebitItem::result, DebitItem::paymentNo)
                .containsExactly(tuple("success", payment.getPaymentNo()));
        assertThat(allocations.ledger(f.unit(1)).orElseThrow().outstanding()).isEqualByComparingTo("0.00");
        assertThat(service.batch(b.batchNo()).orElseThrow().status()).isEqualTo("settled");
    }

    @Test
    void a_failed_debit_goes_on_the_butlers_call_list_with_the_banks_reason_until_a_call_is_logged() {
        DebitBatch b = sentBatchOfMonday();
        clock.set(WEDNESDAY.plusDays(1));
        String file = "unit_code,result,amount,debit_date,failure_reason\n"
                + f.unit(1) + ",failed,,2025-03-12,余额不足\n";
        service.importResults(b.batchNo(), "result.csv", utf8(file));

        TestUsers.signIn("butler1", Role.BUTLER, f.butler(1));
        List<FailedDebit> calls = service.failedDebitsToCall(null);
        assertThat(calls).extracting(FailedDebit::unitCode, FailedDebit::failureReason,
                FailedDebit::phone, FailedDebit::amount, FailedDebit::resultOn)
                .containsExactly(tuple(f.unit(1), "余额不足", "13800000001", new BigDecimal("170.00"),
                        WEDNESDAY));

        String actionNo = service.logCall(new CallLog(b.batchNo(), f.unit(1),
                "told the owner to deposit money", WEDNESDAY.plusDays(3)));

        assertThat(service.failedDebitsToCall(null)).isEmpty();
        var action = dsl.selectFrom(COLLECTION_ACTIONS).where(COLLECTION_ACTIONS.ACTION_NO.eq(actionNo))
                .fetchSingle();
        assertThat(action.getMethod()).isEqualTo("phone");
        assertThat(action.getNote()).contains("余额不足");
        assertThat(action.getStaffCode()).isEqualTo(f.butler(1));
        assertThat(action.getActionOn()).isEqualTo(WEDNESDAY.plusDays(1));
        assertThat(dsl.fetchCount(PAYMENTS, PAYMENTS.UNIT_CODE.eq(f.unit(1))
                .and(PAYMENTS.CHANNEL.eq("bank_debit")))).isZero();
    }

    @Test
    void a_butler_of_another_cluster_neither_sees_nor_logs_the_call() {
        DebitBatch b = sentBatchOfMonday();
        service.importResults(b.batchNo(), "r.csv", utf8("unit_code,result,amount,debit_date,failure_reason\n"
                + f.unit(1) + ",failed,0,2025-03-12,账户已冻结\n"));

        TestUsers.signIn("butler2", Role.BUTLER, f.butler(2));

        assertThat(service.failedDebitsToCall(null)).isEmpty();
        assertThatThrownBy(() -> service.logCall(new CallLog(b.batchNo(), f.unit(1), "call", null)))
                .isInstanceOf(AccessDeniedException.class);
        TestUsers.signIn("manager1", Role.MANAGER, null);
        assertThatThrownBy(() -> service.logCall(new CallLog(b.batchNo(), f.unit(1), "call", null)))
                .as("a manager does not log calls").isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_bad_result_file_writes_nothing_and_names_file_row_and_column_of_every_problem() {
        DebitBatch b = sentBatchOfMonday();
        String file = "unit_code,result,amount,debit_date,failure_reason\n"
                + "NO-SUCH-UNIT,success,10.00,2025-03-11,\n"                  // row 2
                + f.unit(1) + ",success,171.00,2025-03-11,\n"                 // row 3
                + f.unit(4) + ",success,50.00,11/03/2025,\n"                  // row 4
                + f.unit(1) + ",failed,,2025-03-11,余额不足\n"                // row 5: duplicate
                + f.unit(4) + ",maybe,50.00,2025-03-11,\n";                   // row 6

        assertThatThrownBy(() -> service.importResults(b.batchNo(), "bad.csv", utf8(file)))
                .isInstanceOfSatisfying(ResultFileException.class, e -> assertThat(e.problems())
                        .extracting(FileProblem::file, FileProblem::row, FileProblem::column,
                                FileProblem::messageKey)
                        .contains(
                                tuple("bad.csv", 2, "unit_code", "debit.file.unknownUnit"),
                                tuple("bad.csv", 3, "amount", "debit.file.amountMismatch"),
                                tuple("bad.csv", 4, "debit_date", "debit.file.badDate"),
                                tuple("bad.csv", 5, "unit_code", "debit.file.duplicateRow"),
                                tuple("bad.csv", 6, "unit_code", "debit.file.duplicateRow"),
                                tuple("bad.csv", 6, "result", "debit.file.unknownResult")));
        assertThat(service.items(b.batchNo())).extracting(DebitItem::result).containsOnly("pending");
        assertThat(dsl.fetchCount(PAYMENTS, PAYMENTS.CHANNEL.eq("bank_debit"))).isZero();
        assertThat(dsl.fetchCount(BANK_DEBIT_IMPORTS)).isZero();
    }

    @Test
    void a_file_without_the_required_columns_is_refused_on_its_header_row() {
        DebitBatch b = sentBatchOfMonday();

        assertThatThrownBy(() -> service.importResults(b.batchNo(), "x.csv", utf8("unit_code,amount\nA,1\n")))
                .isInstanceOfSatisfying(ResultFileException.class, e -> assertThat(e.problems())
                        .extracting(FileProblem::row, FileProblem::column)
                        .containsExactly(tuple(1, "result"), tuple(1, "debit_date")));
    }

    @Test
    void the_result_file_may_come_as_xlsx() throws Exception {
        DebitBatch b = sentBatchOfMonday();
        byte[] xlsx;
        try (XSSFWorkbook wb = new XSSFWorkbook(); var out = new java.io.ByteArrayOutputStream()) {
            Sheet s = wb.createSheet();
            Object[][] rows = {{"参考号", "结果", "扣款金额", "扣款日期", "失败原因"},
                    {b.batchNo() + "/" + f.unit(1), "成功", 170.0, "2025-03-11", ""},
                    {b.batchNo() + "/" + f.unit(4), "失败", 0.0, "20250311", "卡号有误"}};
            for (int r = 0; r < rows.length; r++) {
                Row row = s.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    if (rows[r][c] instanceof Double d) {
                        row.createCell(c).setCellValue(d);
                    } else {
                        row.createCell(c).setCellValue((String) rows[r][c]);
                    }
                }
            }
            wb.write(out);
            xlsx = out.toByteArray();
        }

        ResultImport r = service.importResults(b.batchNo(), "result.xlsx", xlsx);

        assertThat(r).extracting(ResultImport::succeeded, ResultImport::failed).containsExactly(1, 1);
        assertThat(service.items(b.batchNo())).extracting(DebitItem::unitCode, DebitItem::result,
                DebitItem::failureReason).containsExactly(tuple(f.unit(1), "success", null),
                tuple(f.unit(4), "failed", "卡号有误"));
    }

    @Test
    void importing_the_same_result_file_twice_changes_nothing() {
        DebitBatch b = sentBatchOfMonday();
        String file = "reference,result,amount,debit_date,failure_reason\n"
                + b.batchNo() + "/" + f.unit(1) + ",success,170.00,2025-03-11,\n"
                + b.batchNo() + "/" + f.unit(4) + ",failed,,2025-03-11,余额不足\n";
        service.importResults(b.batchNo(), "result.csv", utf8(file));
        int payments = dsl.fetchCount(PAYMENTS);
        int allocationRows = dsl.fetchCount(PAYMENT_ALLOCATIONS);

        ResultImport again = service.importResults(b.batchNo(), "result.csv", utf8(file));
        ResultImport sameRowsOtherBytes = service.importResults(b.batchNo(), "result-copy.csv",
                utf8(file.replace("\n", "\r\n")));

        assertThat(again.sameFile()).isTrue();
        assertThat(sameRowsOtherBytes.changedNothing()).isTrue();
        assertThat(sameRowsOtherBytes.unchanged()).isEqualTo(2);
        assertThat(dsl.fetchCount(PAYMENTS)).isEqualTo(payments);
        assertThat(dsl.fetchCount(PAYMENT_ALLOCATIONS)).isEqualTo(allocationRows);
        assertThat(dsl.fetchCount(BANK_DEBIT_IMPORTS)).isEqualTo(1);
    }

    @Test
    void a_result_contradicting_a_stored_one_is_refused() {
        DebitBatch b = sentBatchOfMonday();
        service.importResults(b.batchNo(), "a.csv", utf8("unit_code,result,amount,debit_date\n"
                + f.unit(1) + ",success,170.00,2025-03-11\n"));

        assertThatThrownBy(() -> service.importResults(b.batchNo(), "b.csv",
                utf8("unit_code,result,amount,debit_date,failure_reason\n"
                        + f.unit(1) + ",failed,,2025-03-11,余额不足\n")))
                .isInstanceOfSatisfying(ResultFileException.class, e -> assertThat(e.problems())
                        .extracting(FileProblem::row, FileProblem::column, FileProblem::messageKey)
                        .containsExactly(tuple(2, "result", "debit.file.alreadyImported")));
    }

    @Test
    void results_cannot_be_imported_into_a_list_not_yet_sent() {
        DebitBatch b = service.createList(WEDNESDAY, null);

        assertThatThrownBy(() -> service.importResults(b.batchNo(), "a.csv",
                utf8("unit_code,result,amount,debit_date\n" + f.unit(1) + ",success,170.00,2025-03-12\n")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.Problem::messageKey)
                        .containsExactly("debit.validation.notSent"));
        assertThat(service.items(b.batchNo())).extracting(DebitItem::result).containsOnly("pending");
    }

    @Test
    void a_cancelled_draft_frees_its_week_and_cannot_be_sent() {
        DebitBatch b = service.createList(WEDNESDAY, null);

        service.cancelDraft(b.batchNo());

        assertThat(service.batch(b.batchNo()).orElseThrow().status()).isEqualTo("cancelled");
        assertThatThrownBy(() -> service.exportCsv(b.batchNo())).isInstanceOf(ValidationException.class);
        DebitBatch again = service.createList(WEDNESDAY, null);
        assertThat(again.items()).isEqualTo(1);
        assertThat(dsl.fetchCount(BANK_DEBIT_ITEMS)).isEqualTo(2);
    }

    // --- helpers ----------------------------------------------------------------------------

    private boolean ownerFlag(String ownerCode) {
        return estates.owner(ownerCode).map(Owner::autoDebit).orElseThrow();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

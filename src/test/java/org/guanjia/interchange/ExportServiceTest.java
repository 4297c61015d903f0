package org.guanjia.interchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.guanjia.MasterDataFixtures;
import org.guanjia.TestClock;
import org.guanjia.TestUsers;
import org.guanjia.audit.AuditEntry;
import org.guanjia.audit.AuditService;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.Page;
import org.guanjia.base.Role;
import org.guanjia.billing.NewPayment;
import org.guanjia.billing.PaymentService;
import org.guanjia.estate.EstateService;
import org.guanjia.estate.Owner;
import org.guanjia.staff.Staff;
import org.guanjia.staff.StaffService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** Issue 4, point 4: the export of all data or an estate, CSV and XLSX, folder and ZIP. */
@SpringBootTest(properties = "test.context=export")
@ActiveProfiles("test")
@Import(TestClock.Config.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportServiceTest {

    @Autowired
    ExportService export;
    @Autowired
    EstateService estates;
    @Autowired
    StaffService staff;
    @Autowired
    PaymentService payments;
    @Autowired
    AuditService audit;
    @Autowired
    TestClock clock;

    @TempDir
    Path dir;

    @BeforeAll
    void twoEstates() {
        clock.set(LocalDate.of(2025, 3, 1));
        MasterDataFixtures.create("X", estates, staff);
        MasterDataFixtures.create("Y", estates, staff);
        TestUsers.signIn("admin", Role.ADMIN, null);
        try {
            estates.saveOwner(new Owner("XO1", "XC1-B1-0101", "=HYPERLINK(\"http://x\")",
                    "+86 138 0000 0000", true, null, "-1 Road, 'quoted'", null,
                    LocalDate.of(2024, 1, 1)), true);
            estates.saveOwner(new Owner("XO2", "XC1-B1-0102", "'@already apostrophed", null, null,
                    null, null, null, null), true);
            staff.saveStaff(new Staff("XS9", "Engineer", "engineer", null, null, null, true), true);
            payments.record(new NewPayment("XC1-B1-0101", LocalDate.of(2025, 3, 1),
                    new BigDecimal("100.00"), "cash", null, null));
            String voided = payments.record(new NewPayment("XC1-B1-0102",
                    LocalDate.of(2025, 3, 1), new BigDecimal("55.50"), "cash", null, null))
                    .paymentNo();
            payments.reverse(voided, "typed twice");
        } finally {
            TestUsers.signOut();
        }
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private ExportSummary exportTo(Path target, ExportFormat format, String estate)
            throws Exception {
        try (ExportTarget t = ExportTarget.of(target, format)) {
            return export.export(t, Optional.ofNullable(estate), ExportService.ExportProgress.NONE);
        }
    }

    @Test
    void every_file_is_written_with_its_header_cells_that_look_like_formulas_escaped()
            throws Exception {
        TestUsers.signIn("finance", Role.FINANCE, null);
        Path out = dir.resolve("all");
        ExportSummary summary = exportTo(out, ExportFormat.CSV, null);

        assertThat(summary.files()).hasSize(InterchangeFiles.FILES.size());
        try (var files = Files.list(out)) {
            assertThat(files.map(f -> f.getFileName().toString())).hasSize(15)
                    .contains("estates.csv", "visits.csv").noneMatch(n -> n.endsWith(".part"));
        }
        byte[] owners = Files.readAllBytes(out.resolve("owners.csv"));
        assertThat(owners).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(owners, 3, owners.length - 3, StandardCharsets.UTF_8);
        assertThat(text).startsWith("owner_code,unit_code,name,phone,key_customer,");
        assertThat(text).contains("XO1,XC1-B1-0101,\"'=HYPERLINK(\"\"http://x\"\")\",'+86 138 0000 0000,true,")
                .contains(",\"'-1 Road, 'quoted'\",")
                .contains("XO2,XC1-B1-0102,''@already apostrophed,");
        assertThat(Files.readString(out.resolve("visits.csv"))).endsWith("\r\n");
    }

    @Test
    void voided_payments_are_left_out() throws Exception {
        TestUsers.signIn("admin", Role.ADMIN, null);
        Path out = dir.resolve("pay");
        exportTo(out, ExportFormat.CSV, null);
        List<String> lines = Files.readAllLines(out.resolve("payments.csv"));
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).contains("XC1-B1-0101", "100.00", "cash");
    }

    @Test
    void an_estate_takes_its_own_rows_and_the_staff_it_needs() throws Exception {
        TestUsers.signIn("admin", Role.ADMIN, null);
        Path out = dir.resolve("x");
        ExportSummary summary = exportTo(out, ExportFormat.CSV, "XE");
        assertThat(summary.estateCode()).isEqualTo("XE");
        assertThat(Files.readAllLines(out.resolve("estates.csv"))).hasSize(2);
        List<String> units = Files.readAllLines(out.resolve("units.csv"));
        assertThat(units).hasSize(5).allMatch(l -> l.startsWith("XC") || l.contains("unit_code"));
        List<String> staffRows = Files.readAllLines(out.resolve("staff.csv"));
        assertThat(staffRows).anyMatch(l -> l.startsWith("XS1,")).noneMatch(l -> l.startsWith("YS1,"))
                .noneMatch(l -> l.startsWith("XS9,"));
        assertThat(Files.readAllLines(out.resolve("assignments.csv"))).hasSize(2);
    }

    @Test
    void xlsx_files_in_a_zip_open_in_a_spreadsheet_library_with_typed_cells() throws Exception {
        TestUsers.signIn("admin", Role.ADMIN, null);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ExportTarget t = ExportTarget.zip(bytes, ExportFormat.XLSX)) {
            export.export(t, Optional.of("XE"), ExportService.ExportProgress.NONE);
        }
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(new java.io.ByteArrayInputStream(
                bytes.toByteArray()))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries++;
                assertThat(e.getName()).endsWith(".xlsx").doesNotContain("/");
                if (e.getName().equals("units.xlsx")) {
                    XSSFSheet sheet = workbook(zip).getSheetAt(0);
                    assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("unit_code");
                    assertThat(sheet.getLastRowNum()).isEqualTo(4);
                    int area = 0;
                    while (!sheet.getRow(0).getCell(area).getStringCellValue().equals("area_sqm")) {
                        area++;
                    }
                    assertThat(sheet.getRow(1).getCell(area).getNumericCellValue()).isEqualTo(88.5);
                }
                if (e.getName().equals("owners.xlsx")) {
                    XSSFSheet sheet = workbook(zip).getSheetAt(0);
                    // a text cell is never a formula, so XLSX needs no apostrophe
                    assertThat(sheet.getRow(1).getCell(2).getStringCellValue())
                            .isEqualTo("=HYPERLINK(\"http://x\")");
                }
            }
        }
        assertThat(entries).isEqualTo(15);
    }

    private static XSSFWorkbook workbook(InputStream zip) throws Exception {
        return new XSSFWorkbook(new java.io.ByteArrayInputStream(zip.readAllBytes()));
    }

    @Test
    void only_admin_and_finance_may_export_and_each_export_is_audited() throws Exception {
        TestUsers.signIn("butler", Role.BUTLER, "XS1");
        assertThatThrownBy(() -> exportTo(dir.resolve("no"), ExportFormat.CSV, null))
                .isInstanceOf(AccessDeniedException.class);
        TestUsers.signIn("manager", Role.MANAGER, null);
        assertThatThrownBy(() -> exportTo(dir.resolve("no2"), ExportFormat.CSV, null))
                .isInstanceOf(AccessDeniedException.class);

        TestUsers.signIn("admin", Role.ADMIN, null);
        exportTo(dir.resolve("audited"), ExportFormat.CSV, "YE");
        List<AuditEntry> log = audit.list("interchange", new Page(0, 5));
        assertThat(log).anyMatch(a -> a.action().equals("export") && "YE".equals(a.entityKey())
                && a.details().contains("units.csv 4"));
    }
}

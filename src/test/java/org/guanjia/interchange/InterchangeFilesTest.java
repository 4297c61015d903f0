package org.guanjia.interchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.guanjia.interchange.InterchangeFiles.BadValue;
import org.guanjia.interchange.InterchangeFiles.ColumnType;
import org.junit.jupiter.api.Test;

class InterchangeFilesTest {

    @Test
    void the_fifteen_files_are_in_dependency_order() {
        assertThat(InterchangeFiles.FILES).extracting(InterchangeFiles.FileSpec::name).containsExactly(
                "estates", "clusters", "buildings", "units", "unit_status", "owners", "staff",
                "assignments", "statements", "payments", "collection_actions", "complaints",
                "repairs", "vacancy_inspections", "visits");
        assertThat(InterchangeFiles.byName("unit_status").orElseThrow().keyColumns())
                .containsExactly("unit_code", "from_date");
    }

    @Test
    void values_are_written_as_the_spec_says_and_read_back() {
        assertThat(InterchangeFiles.format(ColumnType.DECIMAL, new BigDecimal("12.5"))).isEqualTo("12.50");
        assertThat(InterchangeFiles.format(ColumnType.TIMESTAMP, LocalDateTime.of(2025, 3, 1, 9, 5)))
                .isEqualTo("2025-03-01 09:05:00");
        assertThat(InterchangeFiles.format(ColumnType.DATE, LocalDate.of(2025, 3, 1))).isEqualTo("2025-03-01");
        assertThat(InterchangeFiles.format(ColumnType.BOOLEAN, true)).isEqualTo("true");
        assertThat(InterchangeFiles.parse(ColumnType.TIMESTAMP, "2025-03-01 09:05"))
                .isEqualTo(LocalDateTime.of(2025, 3, 1, 9, 5));
        assertThat(InterchangeFiles.parse(ColumnType.DECIMAL, "1200.5")).isEqualTo(new BigDecimal("1200.50"));
        assertThat(InterchangeFiles.parse(ColumnType.BOOLEAN, "是")).isEqualTo(true);
        assertThat(InterchangeFiles.parse(ColumnType.BOOLEAN, "No")).isEqualTo(false);
        assertThat(InterchangeFiles.parse(ColumnType.CODE, "  U-1 ")).isEqualTo("U-1");
        assertThat(InterchangeFiles.parse(ColumnType.DATE, "")).isNull();
    }

    @Test
    void bad_values_name_what_is_wrong() {
        assertBad(ColumnType.DATE, "2025-02-30", "imp.problem.noSuchDate");
        assertBad(ColumnType.DATE, "1.3.2025", "imp.problem.dateFormat");
        assertBad(ColumnType.DECIMAL, "12.345", "imp.problem.decimals");
        assertBad(ColumnType.DECIMAL, "1,200.00", "imp.problem.thousands");
        assertBad(ColumnType.DECIMAL, "¥120", "imp.problem.currencySign");
        assertBad(ColumnType.DECIMAL, "120 CNY", "imp.problem.currencySign");
        assertBad(ColumnType.DECIMAL, "-5", "imp.problem.amount");
        assertBad(ColumnType.MONTH, "2025-13", "imp.problem.monthFormat");
        assertBad(ColumnType.BOOLEAN, "maybe", "imp.problem.boolean");
    }

    @Test
    void formula_escaping_reads_back_every_text_unchanged() {
        for (String s : List.of("=SUM(A1)", "+86 138", "-", "@home", "'=x", "''+y", "'plain", "plain", "'")) {
            String cell = InterchangeFiles.escapeFormula(s);
            assertThat(InterchangeFiles.unescapeFormula(cell)).as(s).isEqualTo(s);
        }
        assertThat(InterchangeFiles.escapeFormula("=SUM(A1)")).isEqualTo("'=SUM(A1)");
        assertThat(InterchangeFiles.unescapeFormula("=SUM(A1)")).isEqualTo("=SUM(A1)");
    }

    private static void assertBad(ColumnType type, String text, String key) {
        assertThatThrownBy(() -> InterchangeFiles.parse(type, text))
                .isInstanceOf(BadValue.class)
                .satisfies(e -> assertThat(((BadValue) e).messageKey()).isEqualTo(key));
    }
}

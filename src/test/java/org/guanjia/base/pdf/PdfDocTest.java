package org.guanjia.base.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PdfDocTest {

    @Test
    void chinese_and_latin_text_comes_back_out_of_the_pdf() {
        byte[] pdf = PdfDoc.render(Locale.SIMPLIFIED_CHINESE, "Guanjia 管家 No. 7", doc -> doc
                .title("律师函")
                .fields(List.<String[]>of(new String[] {"单元", "E01-B01-101"}))
                .table(List.of("期间", "欠费"), List.of(List.of("2025-01", "1,234.56"),
                        List.of(PdfDoc.total("合计"), "1,234.56")), new float[] {2, 1}, Set.of(1))
                .signatures("日期", "业主签字"));
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        String text = PdfText.of(pdf);
        assertThat(text).contains("律师函", "E01-B01-101", "2025-01", "1,234.56", "合计", "业主签字",
                "Guanjia 管家 No. 7");
        assertThat(text).doesNotContain("\u0001");
    }

    @Test
    void traditional_chinese_and_long_tables_span_pages_with_numbers() {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            rows.add(List.of("月份 " + i, "%d.00".formatted(i)));
        }
        byte[] pdf = PdfDoc.render(Locale.TRADITIONAL_CHINESE, "結算", doc -> doc
                .title("服務費結算").table(List.of("項目", "金額"), rows, new float[] {1, 1}, Set.of(1)));
        assertThat(PdfText.pages(pdf)).isGreaterThan(1);
        assertThat(PdfText.of(pdf)).contains("服務費結算", "月份 119", "119.00");
    }
}

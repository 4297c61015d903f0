package org.guanjia.dashboard;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.guanjia.analytics.KpiFormat;
import org.guanjia.audit.AuditService;
import org.guanjia.base.i18n.Messages;
import org.guanjia.base.pdf.PdfDoc;
import org.guanjia.dashboard.Dashboard.Panel;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.guanjia.base.TrustedInput;

/**
 * Exports of a dashboard: a panel's data as CSV or XLSX (the panel's KPI query; the dashboard,
 * panel and filter values in header rows above the table) and the whole dashboard as an A4 PDF
 * (title, filter values, each chart as an image when the browser supplied one, and its table).
 */
@Service
@TrustedInput("dashboards and panels are the reviewed YAML files; filter values are bound as query parameters only")
@Transactional(readOnly = true)
public class DashboardExports {

    private final DashboardService dashboards;
    private final Messages messages;
    private final AuditService audit;
    private final Clock clock;

    public DashboardExports(DashboardService dashboards, Messages messages, AuditService audit,
            Clock clock) {
        this.dashboards = dashboards;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    /** Who exported which figures is in the audit log (issue 10: exports are audited). */
    private void audited(String format, Dashboard d, Panel p, Filters f) {
        audit.record("export", "dashboard", p == null ? d.id() : d.id() + "/" + p.id(),
                format + " " + f.toParams());
    }

    /** The filter values as [label, value] lines, for the screen and every export. */
    public List<String[]> filterLines(Dashboard d, Filters f, Locale locale) {
        List<String[]> lines = new ArrayList<>();
        if (d.filters().containsKey("period")) {
            lines.add(new String[] {t("dash.filter.period", locale), t("dash.filter.range",
                    locale, f.from().toString(), f.to().toString(),
                    t("dash.grain." + f.grain(), locale))});
        }
        for (String name : List.of("estate", "cluster", "building", "butler", "category")) {
            if (d.filters().containsKey(name)) {
                String v = f.get(name);
                lines.add(new String[] {t("dash.filter." + name, locale),
                        v == null ? t("dash.filter.all", locale) : v});
            }
        }
        return lines;
    }

    @Transactional
    public byte[] csv(Dashboard d, Panel p, Filters f, Locale locale) {
        audited("csv", d, p, f);
        PanelData data = dashboards.panel(d, p, f);
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setRecordSeparator("\n").get())) {
            for (String[] h : header(d, p, f, locale)) {
                csv.printRecord((Object[]) h);
            }
            csv.println();
            csv.printRecord(data.table().columns());
            for (List<Object> row : data.table().rows()) {
                csv.printRecord(row.stream().map(KpiFormat::cell).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // a BOM so that Excel opens the UTF-8 (Chinese) text correctly
        return ("\uFEFF" + out).getBytes(StandardCharsets.UTF_8);
    }

    @Transactional
    public byte[] xlsx(Dashboard d, Panel p, Filters f, Locale locale) {
        audited("xlsx", d, p, f);
        PanelData data = dashboards.panel(d, p, f);
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(p.id());
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            int r = 0;
            for (String[] h : header(d, p, f, locale)) {
                Row row = sheet.createRow(r++);
                for (int i = 0; i < h.length; i++) {
                    row.createCell(i).setCellValue(h[i]);
                }
                row.getCell(0).setCellStyle(bold);
            }
            r++;
            Row head = sheet.createRow(r++);
            List<String> cols = data.table().columns();
            for (int i = 0; i < cols.size(); i++) {
                Cell c = head.createCell(i);
                c.setCellValue(cols.get(i));
                c.setCellStyle(bold);
            }
            for (List<Object> values : data.table().rows()) {
                Row row = sheet.createRow(r++);
                for (int i = 0; i < values.size(); i++) {
                    Object v = values.get(i);
                    if (v instanceof BigDecimal b) {
                        row.createCell(i).setCellValue(b.doubleValue());
                    } else if (v instanceof Number n) {
                        row.createCell(i).setCellValue(n.doubleValue());
                    } else if (v != null) {
                        row.createCell(i).setCellValue(v.toString());
                    }
                }
            }
            for (int i = 0; i < cols.size(); i++) {
                sheet.setColumnWidth(i, 16 * 256);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String[]> header(Dashboard d, Panel p, Filters f, Locale locale) {
        List<String[]> h = new ArrayList<>();
        h.add(new String[] {t("dash.export.dashboard", locale), d.title(locale)});
        h.add(new String[] {t("dash.export.panel", locale), p.title(locale)});
        h.addAll(filterLines(d, f, locale));
        h.add(new String[] {t("dash.export.generated", locale), LocalDateTime.now(clock)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))});
        return h;
    }

    /**
     * The dashboard as an A4 PDF: title, filter values, then per panel its title, its chart
     * image (PNG from the browser, if given for the panel id) and its data table.
     */
    @Transactional
    public byte[] pdf(Dashboard d, Filters f, Locale locale, Map<String, byte[]> images) {
        audited("pdf", d, null, f);
        List<PanelData> all = dashboards.panels(d, f);
        return PdfDoc.render(locale, d.title(locale), doc -> {
            doc.title(d.title(locale));
            doc.fields(filterLines(d, f, locale));
            doc.note(t("dash.export.generated", locale) + ": " + LocalDateTime.now(clock)
                    .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
            for (PanelData data : all) {
                Panel p = data.panel();
                doc.heading(p.title(locale));
                byte[] png = images.get(p.id());
                if (png != null && png.length > 0) {
                    doc.image(png, 220);
                }
                table(doc, data, locale);
            }
        });
    }

    private void table(PdfDoc doc, PanelData data, Locale locale) {
        Panel p = data.panel();
        List<String> keys = new ArrayList<>(List.of("scope_code"));
        keys.add(data.col("period") >= 0 ? "period" : "as_of");
        if (data.col("category") >= 0) {
            keys.add("category");
        }
        List<String> headers = new ArrayList<>();
        keys.forEach(k -> headers.add(t("dash.col." + k, locale)));
        p.measures().forEach(m -> headers.add(t("dash.col." + m, locale)));
        List<List<String>> rows = new ArrayList<>();
        boolean tile = p.chart() == Dashboard.Chart.TILE || p.chart() == Dashboard.Chart.GAUGE;
        String last = data.lastPeriod();
        int periodCol = data.col(keys.get(1));
        for (List<Object> r : data.table().rows()) {
            if (tile && last != null && !last.equals(String.valueOf(r.get(periodCol)))) {
                continue;
            }
            List<String> row = new ArrayList<>();
            keys.forEach(k -> row.add(KpiFormat.cell(r.get(data.col(k)))));
            p.measures().forEach(m -> row.add(ValueFormat.format(p.format(),
                    PanelData.number(r.get(data.col(m))), locale)));
            rows.add(row);
        }
        if (rows.size() > 60) {
            rows = rows.subList(0, 60);
            doc.note(t("dash.export.truncated", locale, 60));
        }
        float[] widths = new float[headers.size()];
        Set<Integer> right = new HashSet<>();
        for (int i = 0; i < widths.length; i++) {
            widths[i] = i < keys.size() ? 2f : 2.4f;
            if (i >= keys.size()) {
                right.add(i);
            }
        }
        doc.table(headers, rows, widths, right);
    }

    private String t(String key, Locale locale, Object... params) {
        return messages.getTranslation(key, locale, params);
    }
}

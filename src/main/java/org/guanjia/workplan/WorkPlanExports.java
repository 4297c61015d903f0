package org.guanjia.workplan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.guanjia.base.i18n.Messages;
import org.guanjia.base.pdf.PdfDoc;
import org.guanjia.dashboard.Dashboard;
import org.guanjia.dashboard.ValueFormat;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A plan or summary as an A4 PDF (OpenPDF, Noto CJK) or a Word document (Apache POI XWPF), in
 * the reader's language: the plan's header fields, the KPI table (period, previous period,
 * target), the text, the open issues and events, and the review.
 */
@Service
@Transactional(readOnly = true)
public class WorkPlanExports {

    private final WorkPlanService plans;
    private final Messages messages;

    public WorkPlanExports(WorkPlanService plans, Messages messages) {
        this.plans = plans;
        this.messages = messages;
    }

    /** File name without extension, e.g. summary-WP-2026-000001. */
    public static String fileName(WorkPlan p) {
        return p.kind() + "-" + p.no();
    }

    public byte[] pdf(String no, Locale locale) {
        return pdf(List.of(plans.report(no)), locale, null);
    }

    /** One PDF of several plans (one after another, each from a new page), with an optional title page line. */
    public byte[] pdf(List<PlanReport> reports, Locale locale, String heading) {
        String footer = heading != null ? heading
                : reports.isEmpty() ? "" : title(reports.get(0).plan(), locale);
        return PdfDoc.render(locale, footer, doc -> {
            if (heading != null) {
                doc.title(heading);
                if (reports.isEmpty()) {
                    doc.paragraph(t(locale, "plan.export.none"));
                }
            }
            boolean first = heading == null;
            for (PlanReport r : reports) {
                if (!first) {
                    doc.newPage();
                }
                first = false;
                write(doc, r, locale);
            }
        });
    }

    private void write(PdfDoc doc, PlanReport r, Locale locale) {
        WorkPlan p = r.plan();
        doc.title(title(p, locale));
        doc.fields(fields(r, locale));
        doc.heading(t(locale, "plan.export.figures", r.kpiPeriod(), r.prevPeriod()));
        doc.table(figureHeaders(locale), figureRows(r, locale), new float[] {3.2f, 2f, 2f, 2f},
                Set.of(1, 2, 3));
        doc.heading(t(locale, "plan.export.text"));
        doc.paragraph(p.body() == null ? "" : p.body());
        doc.heading(t(locale, "plan.export.open", r.openItems().size()));
        r.openItems().forEach(i -> doc.paragraph("• " + plans.itemLine(i, locale)));
        doc.heading(t(locale, "plan.export.events", r.events().size()));
        r.events().forEach(i -> doc.paragraph("• " + plans.itemLine(i, locale)));
        if (p.reviewComment() != null) {
            doc.heading(t(locale, "plan.export.review"));
            doc.paragraph(p.reviewComment());
        }
    }

    /** The plan as a .docx: the same content as the PDF. */
    public byte[] docx(String no, Locale locale) {
        PlanReport r = plans.report(no);
        WorkPlan p = r.plan();
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFParagraph title = doc.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            run(title, title(p, locale), 16, true);
            XWPFTable header = doc.createTable();
            List<String[]> fields = fields(r, locale);
            for (int i = 0; i < fields.size(); i++) {
                XWPFTableRow row = i == 0 ? header.getRow(0) : header.createRow();
                cell(row, 0, fields.get(i)[0], true);
                cell(row, 1, fields.get(i)[1], false);
            }
            heading(doc, t(locale, "plan.export.figures", r.kpiPeriod(), r.prevPeriod()));
            XWPFTable table = doc.createTable();
            List<String> headers = figureHeaders(locale);
            for (int c = 0; c < headers.size(); c++) {
                cell(table.getRow(0), c, headers.get(c), true);
            }
            for (List<String> line : figureRows(r, locale)) {
                XWPFTableRow row = table.createRow();
                for (int c = 0; c < line.size(); c++) {
                    cell(row, c, line.get(c), false);
                }
            }
            heading(doc, t(locale, "plan.export.text"));
            for (String line : (p.body() == null ? "" : p.body()).split("\n", -1)) {
                run(doc.createParagraph(), line, 11, false);
            }
            heading(doc, t(locale, "plan.export.open", r.openItems().size()));
            r.openItems().forEach(i -> run(doc.createParagraph(), "• " + plans.itemLine(i, locale), 10, false));
            heading(doc, t(locale, "plan.export.events", r.events().size()));
            r.events().forEach(i -> run(doc.createParagraph(), "• " + plans.itemLine(i, locale), 10, false));
            if (p.reviewComment() != null) {
                heading(doc, t(locale, "plan.export.review"));
                run(doc.createParagraph(), p.reviewComment(), 11, false);
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void heading(XWPFDocument doc, String text) {
        XWPFParagraph para = doc.createParagraph();
        para.setSpacingBefore(240);
        run(para, text, 13, true);
    }

    private static void run(XWPFParagraph para, String text, int size, boolean bold) {
        XWPFRun run = para.createRun();
        run.setText(text);
        run.setFontSize(size);
        run.setBold(bold);
        // East Asian text needs a CJK font; Word and LibreOffice fall back per script
        run.setFontFamily("Noto Sans CJK SC", XWPFRun.FontCharRange.eastAsia);
    }

    private static void cell(XWPFTableRow row, int c, String text, boolean bold) {
        var cell = row.getCell(c) != null ? row.getCell(c) : row.addNewTableCell();
        XWPFParagraph para = cell.getParagraphs().get(0);
        run(para, text, 10, bold);
    }

    public String title(WorkPlan p, Locale locale) {
        return t(locale, "plan.export.title." + p.kind(), t(locale, "plan.grain." + p.grain()),
                p.staffName() != null ? p.staffName() : p.clusterCode(), new Period(p.grain(),
                        p.periodStart(), p.periodEnd()).label());
    }

    private List<String[]> fields(PlanReport r, Locale locale) {
        WorkPlan p = r.plan();
        List<String[]> f = new ArrayList<>();
        f.add(new String[] {t(locale, "plan.field.no"), p.no()});
        if (p.staffCode() != null) {
            f.add(new String[] {t(locale, "plan.field.butler"), p.staffName() + " (" + p.staffCode() + ")"});
        }
        f.add(new String[] {t(locale, "plan.field.clusters"), String.join(", ", r.clusters())});
        f.add(new String[] {t(locale, "plan.field.period"), p.periodStart() + " – " + p.periodEnd()});
        f.add(new String[] {t(locale, "plan.field.status"), t(locale, "plan.status." + p.status())});
        if (p.submittedAt() != null) {
            f.add(new String[] {t(locale, "plan.field.submittedAt"), p.submittedAt().toLocalDate().toString()});
        }
        if (p.reviewedAt() != null) {
            f.add(new String[] {t(locale, "plan.field.reviewedAt"), p.reviewedAt().toLocalDate()
                    + (p.reviewer() != null ? " · " + p.reviewer() : "")});
        }
        f.add(new String[] {t(locale, "plan.field.asOf"), r.asOf().toString()});
        return f;
    }

    private List<String> figureHeaders(Locale locale) {
        return List.of(t(locale, "plan.col.figure"), t(locale, "plan.col.value"),
                t(locale, "plan.col.previous"), t(locale, "plan.col.target"));
    }

    private List<List<String>> figureRows(PlanReport r, Locale locale) {
        List<List<String>> rows = new ArrayList<>();
        for (PlanFigure f : r.figures()) {
            Dashboard.Format fmt = Dashboard.Format.valueOf(f.format().toUpperCase(Locale.ROOT));
            rows.add(List.of(t(locale, WorkPlanService.label(f)), ValueFormat.format(fmt, f.value(), locale),
                    ValueFormat.format(fmt, f.previous(), locale),
                    f.target() == null ? "" : ValueFormat.format(fmt, f.target(), locale)));
        }
        return rows;
    }

    private String t(Locale locale, String key, Object... args) {
        return messages.getTranslation(key, locale, args);
    }
}

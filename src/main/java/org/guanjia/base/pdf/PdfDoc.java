package org.guanjia.base.pdf;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A small builder for the printable documents Guanjia produces (letters, record forms,
 * settlement statements): A4 portrait, a CJK font for the locale, a title, paragraphs,
 * label/value blocks, tables with right-aligned number columns, signature lines, and a footer
 * with the page number. Use {@link #render}:
 *
 * <pre>{@code
 * byte[] pdf = PdfDoc.render(locale, "Lawyer's letter", doc -> doc
 *         .title("律师函").fields(List.of(new String[] {"Unit", "E01-B01-101"}))
 *         .table(List.of("Period", "Outstanding"), rows, new float[] {2, 1}, Set.of(1)));
 * }</pre>
 */
public final class PdfDoc {

    private static final Color RULE = new Color(0x99, 0x99, 0x99);
    private static final Color HEADER_BG = new Color(0xEE, 0xEE, 0xEE);

    private final Document document;
    private final Font body;
    private final Font bold;
    private final Font titleFont;
    private final Font small;

    private PdfDoc(Document document, Locale locale) {
        this.document = document;
        this.body = new Font(PdfFonts.font(locale, false), 10.5f);
        this.bold = new Font(PdfFonts.font(locale, true), 10.5f);
        this.titleFont = new Font(PdfFonts.font(locale, true), 16f);
        this.small = new Font(PdfFonts.font(locale, false), 8f, Font.NORMAL, Color.DARK_GRAY);
    }

    /**
     * Builds a document; {@code footer} is printed at the foot of every page with the page
     * number, e.g. the company and the document number.
     */
    public static byte[] render(Locale locale, String footer, Consumer<PdfDoc> content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 56, 56, 56, 64);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        PdfDoc doc = new PdfDoc(document, locale);
        writer.setPageEvent(new PdfPageEventHelper() {
            @Override
            public void onEndPage(PdfWriter w, Document d) {
                PdfContentByte cb = w.getDirectContent();
                String text = (footer == null ? "" : footer + "    ") + w.getPageNumber();
                ColumnText.showTextAligned(cb, Element.ALIGN_CENTER, new Phrase(text, doc.small),
                        (d.left() + d.right()) / 2, d.bottom() - 24, 0);
            }
        });
        document.addCreator("Guanjia");
        document.open();
        content.accept(doc);
        document.close();
        return out.toByteArray();
    }

    public PdfDoc title(String text) {
        Paragraph p = new Paragraph(text, titleFont);
        p.setAlignment(Element.ALIGN_CENTER);
        p.setSpacingAfter(14);
        document.add(p);
        return this;
    }

    public PdfDoc heading(String text) {
        Paragraph p = new Paragraph(text, bold);
        p.setSpacingBefore(10);
        p.setSpacingAfter(4);
        document.add(p);
        return this;
    }

    public PdfDoc paragraph(String text) {
        Paragraph p = new Paragraph(14, text, body);
        p.setSpacingAfter(6);
        document.add(p);
        return this;
    }

    /** Label/value pairs in two columns, e.g. unit, owner, date. */
    public PdfDoc fields(List<String[]> labelValues) {
        PdfPTable t = new PdfPTable(new float[] {1, 3});
        t.setWidthPercentage(100);
        t.setSpacingAfter(8);
        for (String[] lv : labelValues) {
            t.addCell(cell(lv[0], bold, Element.ALIGN_LEFT, null));
            t.addCell(cell(lv.length > 1 ? lv[1] : "", body, Element.ALIGN_LEFT, null));
        }
        document.add(t);
        return this;
    }

    /**
     * A table with a shaded header row; {@code rightAligned} are the indexes of the number
     * columns; a row whose first cell starts with {@code "\u0001"} is printed bold (a total),
     * without that marker.
     */
    public PdfDoc table(List<String> headers, List<List<String>> rows, float[] widths,
            Set<Integer> rightAligned) {
        PdfPTable t = new PdfPTable(widths);
        t.setWidthPercentage(100);
        t.setHeaderRows(1);
        t.setSpacingBefore(4);
        t.setSpacingAfter(10);
        for (int i = 0; i < headers.size(); i++) {
            t.addCell(cell(headers.get(i), bold, align(rightAligned, i), HEADER_BG));
        }
        for (List<String> row : rows) {
            boolean total = !row.isEmpty() && row.get(0) != null && row.get(0).startsWith(TOTAL);
            for (int i = 0; i < row.size(); i++) {
                String v = row.get(i) == null ? "" : row.get(i);
                if (i == 0 && total) {
                    v = v.substring(1);
                }
                t.addCell(cell(v, total ? bold : body, align(rightAligned, i), null));
            }
        }
        document.add(t);
        return this;
    }

    /** Marks a table row as a total row: {@code List.of(PdfDoc.total("Total"), ...)}. */
    public static String total(String label) {
        return TOTAL + label;
    }

    private static final String TOTAL = "\u0001";

    /** Lines to sign on, side by side, each with its label and a date. */
    public PdfDoc signatures(String dateLabel, String... labels) {
        PdfPTable t = new PdfPTable(labels.length);
        t.setWidthPercentage(100);
        t.setSpacingBefore(28);
        for (String label : labels) {
            PdfPCell c = new PdfPCell();
            c.setBorder(Rectangle.NO_BORDER);
            c.setPaddingRight(16);
            c.addElement(new Paragraph(label + ": ____________________", body));
            c.addElement(new Paragraph(22, dateLabel + ": ________________", body));
            t.addCell(c);
        }
        document.add(t);
        return this;
    }

    /** Small grey text, e.g. how a figure was computed. */
    public PdfDoc note(String text) {
        Paragraph p = new Paragraph(12, text, small);
        p.setSpacingBefore(4);
        document.add(p);
        return this;
    }

    /** An image (PNG or JPEG bytes) scaled to the text width, at most {@code maxHeight} points. */
    public PdfDoc image(byte[] bytes, float maxHeight) {
        try {
            com.lowagie.text.Image img = com.lowagie.text.Image.getInstance(bytes);
            img.scaleToFit(document.right() - document.left(), maxHeight);
            img.setAlignment(Element.ALIGN_CENTER);
            document.add(img);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return this;
    }

    /** Starts a new page, e.g. between the letters of several units in one file. */
    public PdfDoc newPage() {
        document.newPage();
        return this;
    }

    public PdfDoc space(float points) {
        Paragraph p = new Paragraph(new Chunk(" ", body));
        p.setSpacingBefore(points);
        document.add(p);
        return this;
    }

    private static int align(Set<Integer> right, int i) {
        return right.contains(i) ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT;
    }

    private static PdfPCell cell(String text, Font font, int align, Color bg) {
        PdfPCell c = new PdfPCell(new Phrase(text, font));
        c.setHorizontalAlignment(align);
        c.setPadding(4);
        c.setBorderColor(RULE);
        if (bg != null) {
            c.setBackgroundColor(bg);
        }
        return c;
    }
}

package org.guanjia.complaint;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import org.guanjia.base.pdf.PdfDoc;

/** The printed complaint record form (投诉记录表) the owner signs when the matter is settled. */
final class ComplaintPdf {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private ComplaintPdf() {
    }

    static byte[] render(Complaint c, BiFunction<String, Object[], String> t, Locale locale) {
        List<String[]> head = new ArrayList<>();
        head.add(row(t, "complaint.field.no", c.no()));
        head.add(row(t, "complaint.field.receivedAt", time(c.receivedAt())));
        head.add(row(t, "field.unit", c.unitCode()));
        head.add(row(t, "field.owner", c.ownerName()));
        head.add(row(t, "complaint.field.channel", label(t, "complaint.channel.", c.channel())));
        head.add(row(t, "complaint.field.category", label(t, "complaint.category.", c.category())));
        head.add(row(t, "field.status", label(t, "complaint.status.", c.status())));
        List<String[]> handling = new ArrayList<>();
        handling.add(row(t, "complaint.field.respondedAt", time(c.firstResponseAt())));
        handling.add(row(t, "complaint.field.method", label(t, "complaint.method.", c.responseMethod())));
        handling.add(row(t, "complaint.field.responder", c.responderName() != null ? c.responderName()
                : c.responderCode()));
        handling.add(row(t, "complaint.field.valid", c.valid() == null ? ""
                : tr(t, c.valid() ? "complaint.valid.true" : "complaint.valid.false")));
        handling.add(row(t, "field.department", c.department()));
        handling.add(row(t, "complaint.field.responsiblePerson", c.responsiblePerson()));
        handling.add(row(t, "complaint.field.resolvedAt", time(c.resolvedAt())));
        handling.add(row(t, "complaint.field.returnVisitAt", time(c.returnVisitAt())));
        handling.add(row(t, "complaint.field.satisfaction",
                c.satisfaction() == null ? "" : c.satisfaction() + " / 5"));
        handling.add(row(t, "complaint.field.ownerSigned", c.ownerSigned() == null ? ""
                : tr(t, c.ownerSigned() ? "complaint.signed.true" : "complaint.signed.false")));
        String footer = tr(t, "app.name") + " · " + c.no();
        return PdfDoc.render(locale, footer, doc -> {
            doc.title(tr(t, "complaint.pdf.title")).fields(head)
                    .heading(tr(t, "complaint.field.description")).paragraph(text(c.description()))
                    .heading(tr(t, "complaint.pdf.handling")).fields(handling)
                    .heading(tr(t, "complaint.field.plan")).paragraph(text(c.plan()))
                    .heading(tr(t, "complaint.field.reply")).paragraph(text(c.reply()))
                    .heading(tr(t, "complaint.field.correctiveAction"))
                    .paragraph(text(c.correctiveAction()))
                    .space(12)
                    .signatures(tr(t, "complaint.pdf.date"), tr(t, "complaint.pdf.ownerSignature"),
                            tr(t, "complaint.pdf.butlerSignature"));
        });
    }

    private static String[] row(BiFunction<String, Object[], String> t, String key, String value) {
        return new String[] {tr(t, key), value == null || value.isBlank() ? "—" : value};
    }

    private static String label(BiFunction<String, Object[], String> t, String prefix, String value) {
        return value == null ? null : tr(t, prefix + value);
    }

    private static String time(LocalDateTime at) {
        return at == null ? null : at.format(TIME);
    }

    private static String text(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }

    private static String tr(BiFunction<String, Object[], String> t, String key, Object... args) {
        return t.apply(key, args);
    }
}

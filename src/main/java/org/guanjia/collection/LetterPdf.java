package org.guanjia.collection;

import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;
import org.guanjia.base.pdf.PdfDoc;
import org.guanjia.collection.internal.CollectionRepository.OwnerContact;

/** The printed lawyer's letter: owner, unit, overdue statements, late fee and totals. */
final class LetterPdf {

    private LetterPdf() {
    }

    static byte[] render(LawyerLetter l, OwnerContact owner, String currency, int payWithinDays,
            BiFunction<String, Object[], String> t, Locale locale) {
        NumberFormat money = NumberFormat.getNumberInstance(locale);
        money.setMinimumFractionDigits(2);
        money.setMaximumFractionDigits(2);
        String no = l.letterNo() == null ? tr(t, "collect.letter.draft") : l.letterNo();
        String date = l.sentOn().format(DateTimeFormatter.ISO_LOCAL_DATE);
        String ownerName = owner.name() == null ? "—" : owner.name();
        List<String[]> head = new ArrayList<>();
        head.add(new String[] {tr(t, "collect.letter.no"), no});
        head.add(new String[] {tr(t, "collect.letter.date"), date});
        head.add(new String[] {tr(t, "field.owner"), ownerName});
        head.add(new String[] {tr(t, "field.unit"), l.unitCode()});
        if (owner.mailingAddress() != null) {
            head.add(new String[] {tr(t, "field.mailingAddress"), owner.mailingAddress()});
        }
        List<List<String>> rows = new ArrayList<>();
        for (LetterLine line : l.lines()) {
            rows.add(List.of(line.period(), line.dueOn().format(DateTimeFormatter.ISO_LOCAL_DATE),
                    money.format(line.outstanding()), Integer.toString(line.daysOverdue()),
                    Integer.toString(line.lateFeeDays()), money.format(line.lateFee())));
        }
        rows.add(List.of(PdfDoc.total(tr(t, "collect.letter.total")), "",
                money.format(l.principal()), "", "", money.format(l.lateFee())));
        String rate = l.rate().movePointRight(2).stripTrailingZeros().toPlainString() + "%";
        String footer = tr(t, "app.name") + " · " + no;
        return PdfDoc.render(locale, footer, doc -> doc
                .title(tr(t, "collect.letter.title"))
                .fields(head)
                .paragraph(tr(t, "collect.letter.body", ownerName, l.unitCode(), date))
                .table(List.of(tr(t, "field.period"), tr(t, "field.dueOn"),
                        tr(t, "field.outstanding"),
                        tr(t, "collect.letter.daysOverdue"),
                        tr(t, "collect.letter.lateFeeDays"),
                        tr(t, "collect.letter.lateFee")),
                        rows, new float[] {1.2f, 1.5f, 1.5f, 1.1f, 1.1f, 1.3f}, Set.of(2, 3, 4, 5))
                .fields(List.of(
                        new String[] {tr(t, "collect.letter.principal"),
                            currency + " " + money.format(l.principal())},
                        new String[] {tr(t, "collect.letter.lateFee"),
                            currency + " " + money.format(l.lateFee())},
                        new String[] {tr(t, "collect.letter.totalDue"),
                            currency + " " + money.format(l.total())}))
                .paragraph(tr(t, "collect.letter.demand",
                        currency + " " + money.format(l.total()), payWithinDays))
                .note(tr(t, "collect.letter.lateFeeNote", rate, l.startDays()))
                .signatures(tr(t, "collect.letter.date"),
                        tr(t, "collect.letter.sender")));
    }

    private static String tr(BiFunction<String, Object[], String> t, String key, Object... args) {
        return t.apply(key, args);
    }
}

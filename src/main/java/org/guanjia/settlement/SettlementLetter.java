package org.guanjia.settlement;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.guanjia.base.i18n.Messages;
import org.guanjia.base.pdf.PdfDoc;
import org.guanjia.estate.Estate;

/**
 * The settlement letter to a unit's owner: the costs of the estate by category with the key and
 * the unit's share, the prepayments billed, the balance and what happens next; amounts in the
 * estate's currency formatted for the reader's language. Several units make one file, a page
 * each.
 */
final class SettlementLetter {

    private final Messages messages;
    private final Locale locale;
    private final Estate estate;
    private final Settlement settlement;
    private final int topUpDays;
    private final NumberFormat money;
    private final NumberFormat decimal;

    SettlementLetter(Messages messages, Locale locale, Estate estate, Settlement settlement, int topUpDays) {
        this.messages = messages;
        this.locale = Messages.supported(locale);
        this.estate = estate;
        this.settlement = settlement;
        this.topUpDays = topUpDays;
        this.money = NumberFormat.getCurrencyInstance(formatLocale(this.locale));
        this.money.setCurrency(Currency.getInstance(settlement.currency() == null ? "CNY" : settlement.currency()));
        this.decimal = NumberFormat.getNumberInstance(this.locale);
        this.decimal.setMinimumFractionDigits(2);
        this.decimal.setMaximumFractionDigits(2);
    }

    /** Currency formats need a country (English without one has no currency pattern of its own). */
    private static Locale formatLocale(Locale l) {
        return l.getCountry().isEmpty() ? Locale.forLanguageTag(l.getLanguage() + "-US") : l;
    }

    private String t(String key, Object... args) {
        return messages.getTranslation(key, locale, args);
    }

    String money(BigDecimal amount) {
        return money.format(amount);
    }

    byte[] render(List<SettlementLine> lines, Map<String, List<SettlementDetail>> details) {
        String footer = estate.name() + " · " + settlement.settlementNo();
        return PdfDoc.render(locale, footer, doc -> {
            for (int i = 0; i < lines.size(); i++) {
                if (i > 0) {
                    doc.newPage();
                }
                page(doc, lines.get(i), details.getOrDefault(lines.get(i).unitCode(), List.of()));
            }
            if (lines.isEmpty()) {
                doc.title(t("settle.letter.title", String.valueOf(settlement.year())))
                        .paragraph(t("settle.letter.noLines"));
            }
        });
    }

    private void page(PdfDoc doc, SettlementLine line, List<SettlementDetail> details) {
        int year = settlement.year();
        doc.title(t("settle.letter.title", String.valueOf(year)));
        if (!settlement.isFinal()) {
            doc.paragraph(t("settle.letter.draft"));
        }
        LocalDate dated = settlement.isFinal() && settlement.finalizedAt() != null
                ? settlement.finalizedAt().toLocalDate()
                : settlement.computedAt() == null ? null : settlement.computedAt().toLocalDate();
        doc.fields(List.of(
                new String[] {t("field.estate"), estate.name() + " (" + estate.code() + ")"},
                new String[] {t("field.unit"), line.unitCode()},
                new String[] {t("field.owner"), line.ownerName() == null ? "" : line.ownerName()},
                new String[] {t("field.areaSqm"), decimal.format(line.areaSqm())},
                new String[] {t("settle.letter.period"), t("settle.letter.periodValue",
                        LocalDate.of(year, 1, 1).toString(), LocalDate.of(year, 12, 31).toString(),
                        String.valueOf(line.deliveredDays()), String.valueOf(line.vacantDays()))},
                new String[] {t("settle.field.settlementNo"), settlement.settlementNo()
                        + (dated == null ? "" : " · " + dated)}));

        doc.heading(t("settle.letter.breakdown"));
        List<List<String>> rows = new ArrayList<>();
        BigDecimal costs = BigDecimal.ZERO.setScale(2);
        int yearDays = Year.of(year).length();
        for (SettlementDetail d : details) {
            costs = costs.add(d.categoryActual());
            rows.add(List.of(t("settle.category." + d.category()), t("settle.key." + d.allocationKey()),
                    money(d.categoryActual()), basis(d, yearDays), money(d.shareAmount())));
        }
        rows.add(List.of(PdfDoc.total(t("settle.letter.total")), "", money(costs), "", money(line.shareAmount())));
        doc.table(List.of(t("settle.field.category"), t("settle.field.allocationKey"),
                        t("settle.letter.estateCosts"), t("settle.letter.basis"), t("settle.letter.yourShare")),
                rows, new float[] {2.2f, 1.6f, 2.2f, 2.2f, 2f}, Set.of(2, 3, 4));

        doc.heading(t("settle.letter.account"));
        List<String[]> account = new ArrayList<>();
        account.add(new String[] {t("settle.letter.yourShare"), money(line.shareAmount())});
        if (line.vacantDays() > 0) {
            account.add(new String[] {t("settle.letter.vacantShare", String.valueOf(line.vacantDays())),
                money(line.vacantShareAmount())});
        }
        account.add(new String[] {t("settle.letter.prepaid", String.valueOf(year)), money(line.prepaidAmount())});
        account.add(new String[] {t(balanceKey(line.balance())), money(line.balance().abs())});
        doc.fields(account);

        doc.heading(t("settle.letter.next"));
        doc.paragraph(nextStep(line.balance()));
        if (line.vacantDays() > 0) {
            doc.paragraph(t("settle.letter.vacantNote", String.valueOf(line.vacantDays()),
                    money(line.vacantShareAmount())));
        }
        doc.note(t("settle.letter.method"));
    }

    private String basis(SettlementDetail d, int yearDays) {
        String b = switch (d.allocationKey()) {
            case SettlementCalculator.AREA -> t("settle.letter.basisArea", decimal.format(d.basis()));
            case SettlementCalculator.UNIT -> t("settle.letter.basisUnit");
            default -> t("settle.letter.basisPersons", String.valueOf(d.basis().intValue()));
        };
        return d.days() < yearDays ? b + " × " + t("settle.letter.basisDays", String.valueOf(d.days())) : b;
    }

    static String balanceKey(BigDecimal balance) {
        return balance.signum() > 0 ? "settle.balance.topUp"
                : balance.signum() < 0 ? "settle.balance.refund" : "settle.balance.even";
    }

    private String nextStep(BigDecimal balance) {
        if (balance.signum() == 0) {
            return t("settle.letter.nextEven");
        }
        String amount = money(balance.abs());
        if (!settlement.isFinal() || settlement.finalizedAt() == null) {
            return t(balance.signum() > 0 ? "settle.letter.nextTopUpDraft" : "settle.letter.nextRefundDraft",
                    amount, String.valueOf(topUpDays));
        }
        String due = settlement.finalizedAt().toLocalDate().plusDays(topUpDays).toString();
        return t(balance.signum() > 0 ? "settle.letter.nextTopUp" : "settle.letter.nextRefund", amount, due,
                settlement.settlementNo());
    }
}

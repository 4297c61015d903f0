package org.guanjia.settlement.ui;

import com.vaadin.flow.component.UI;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/** Amounts in an estate's currency, formatted for the user's language (¥1,234.50, CN¥1,234.50). */
final class Money {

    private Money() {
    }

    static String format(BigDecimal amount, String currency) {
        if (amount == null) {
            return "—";
        }
        Locale locale = UI.getCurrent() == null ? Locale.ENGLISH : UI.getCurrent().getLocale();
        if (locale.getCountry().isEmpty()) {
            // a currency pattern needs a country; English without one formats like en-US
            locale = Locale.forLanguageTag(locale.getLanguage() + ("zh".equals(locale.getLanguage()) ? "-CN" : "-US"));
        }
        NumberFormat f = NumberFormat.getCurrencyInstance(locale);
        f.setCurrency(Currency.getInstance(currency == null ? "CNY" : currency));
        return f.format(amount);
    }
}

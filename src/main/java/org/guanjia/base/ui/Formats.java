package org.guanjia.base.ui;

import com.vaadin.flow.component.UI;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Numbers and dates formatted for the UI's locale. */
public final class Formats {

    private Formats() {
    }

    private static Locale locale() {
        UI ui = UI.getCurrent();
        return ui == null ? Locale.ENGLISH : ui.getLocale();
    }

    public static String decimal(BigDecimal value, int decimals) {
        if (value == null) {
            return "—";
        }
        NumberFormat f = NumberFormat.getNumberInstance(locale());
        f.setMinimumFractionDigits(decimals);
        f.setMaximumFractionDigits(decimals);
        return f.format(value);
    }

    public static String integer(long value) {
        return NumberFormat.getIntegerInstance(locale()).format(value);
    }

    public static String date(LocalDate d) {
        return d == null ? "" : d.format(DateTimeFormatter.ISO_LOCAL_DATE);
    }

    public static String dateTime(LocalDateTime t) {
        return t == null ? "" : t.format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                .withLocale(locale()));
    }

    /** Translates an enumeration value: key {@code prefix.value}. */
    public static String enumLabel(String prefix, String value) {
        return value == null ? "" : UI.getCurrent().getTranslation(prefix + "." + value);
    }
}

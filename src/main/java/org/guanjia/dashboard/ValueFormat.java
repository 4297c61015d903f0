package org.guanjia.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;
import org.guanjia.dashboard.Dashboard.Format;

/**
 * A figure as text for screen, PDF and spreadsheet captions: percent of a 0..1 rate (1 decimal),
 * money (2), counts, hours and minutes (1 decimal with the unit), scores (2); undefined is "—".
 */
public final class ValueFormat {

    private ValueFormat() {
    }

    public static String format(Format format, BigDecimal v, Locale locale) {
        if (v == null) {
            return "—";
        }
        boolean zh = locale != null && locale.getLanguage().equals("zh");
        boolean tw = zh && ("TW".equals(locale.getCountry()) || "HK".equals(locale.getCountry()));
        return switch (format) {
            case PERCENT -> number(v.movePointRight(2), 1, locale) + "%";
            case MONEY -> number(v, 2, locale);
            case NUMBER -> number(v, v.stripTrailingZeros().scale() > 0 ? 1 : 0, locale);
            case HOURS -> number(v, 1, locale) + (zh ? (tw ? " 小時" : " 小时") : " h");
            case MINUTES -> number(v, 1, locale) + (zh ? (tw ? " 分鐘" : " 分钟") : " min");
            case SCORE -> number(v, 2, locale);
        };
    }

    /** The value a chart plots: percent as 0..100 with 1 decimal, others as they are. */
    public static BigDecimal chartValue(Format format, BigDecimal v) {
        if (v == null) {
            return null;
        }
        return format == Format.PERCENT ? v.movePointRight(2).setScale(1, RoundingMode.HALF_UP)
                : v;
    }

    private static String number(BigDecimal v, int decimals, Locale locale) {
        NumberFormat f = NumberFormat.getNumberInstance(locale == null ? Locale.ENGLISH : locale);
        f.setMinimumFractionDigits(decimals);
        f.setMaximumFractionDigits(decimals);
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(v);
    }
}

package org.guanjia.hostile;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Bad values a user, a pasted spreadsheet or an attacker may type into Guanjia: fed to every
 * form's service method ({@link HostileInputTest}), the KPI API and the import files. Each entry
 * has a short name for reports.
 */
public final class HostileCorpus {

    private HostileCorpus() {
    }

    /** A named value. */
    public record Value<T>(String name, T value) {
        @Override
        public String toString() {
            return name;
        }
    }

    public static final String HUNDRED_KB = "长".repeat(1000) + "x".repeat(99_000);

    /** Text for every text field. */
    public static final List<Value<String>> TEXT = List.of(
            v("sql-drop", "'; drop table units; --"),
            v("sql-or", "' or 1=1 --"),
            v("sql-quote", "\""),
            v("sql-union", "x' union select password_hash from app_users --"),
            v("backslashes", "C:\\temp\\new\\n \\' \\\\"),
            v("percent-underscore", "100% _x_ %s {0} ${jndi:ldap://x}"),
            v("script", "<script>alert(1)</script>"),
            v("img-onerror", "<img src=x onerror=alert(1)>"),
            v("javascript-url", "javascript:alert(1)"),
            v("html-entities", "&lt;b&gt; &amp; &#x3C;"),
            v("100kB", HUNDRED_KB),
            v("nul", "a\u0000b"),
            v("bel", "ring\u0007"),
            v("esc", "\u001b[31mred"),
            v("crlf", "line one\r\nline two"),
            v("lf", "line one\nline two"),
            v("tab", "a\tb"),
            v("rtl-override", "invoice\u202Efdp.exe"),
            v("zero-width", "zero\u200Bwidth\u200Djoin\uFEFF"),
            v("emoji", "😀"),
            v("family-zwj", "👨\u200D👩\u200D👧\u200D👦"),
            v("combining", "e\u0301 Z\u0351\u0352\u0353a\u0300"),
            v("unpaired-high", "x\uD800y"),
            v("unpaired-low", "\uDC00"),
            v("cjk", "管家 管家 物業"),
            v("cjk-ext-b", "𠀀𠀁𪚥"),
            v("full-width-digits", "１２３"),
            v("line-separator", "a\u2028b"),
            v("only-spaces", "   "),
            v("empty", ""));

    /** Amounts for every money or decimal field. */
    public static final List<Value<BigDecimal>> AMOUNTS = List.of(
            v("negative", new BigDecimal("-10.00")),
            v("zero", new BigDecimal("0")),
            v("minus-zero", new BigDecimal("-0.00")),
            v("1e308", new BigDecimal("1e308")),
            v("3-decimals", new BigDecimal("10.005")),
            v("decimal-14-2-max", new BigDecimal("999999999999.99")),
            v("above-decimal-14-2", new BigDecimal("1000000000000.00")),
            v("tiny", new BigDecimal("1e-20")),
            v("cent", new BigDecimal("0.01")));

    /** Dates for every date field. */
    public static final List<Value<LocalDate>> DATES = List.of(
            v("year-0000", LocalDate.of(0, 1, 1)),
            v("year-9999", LocalDate.of(9999, 12, 31)),
            v("1900-01-01", LocalDate.of(1900, 1, 1)),
            v("leap-day", LocalDate.of(2024, 2, 29)));

    /** Whole numbers for counts, floors, scores. */
    public static final List<Value<Integer>> INTEGERS = List.of(
            v("minus-one", -1), v("int-zero", 0), v("int-max", Integer.MAX_VALUE),
            v("int-min", Integer.MIN_VALUE));

    /** Text as typed into an HTTP parameter or a CSV cell, where every value is text. */
    public static final List<Value<String>> RAW = List.of(
            v("sql-drop", "'; drop table units; --"), v("sql-or", "' or 1=1 --"),
            v("script", "<script>alert(1)</script>"), v("nul", "a\u0000b"),
            v("crlf", "a\r\nb"), v("rtl-override", "\u202Eabc"), v("emoji", "😀"),
            v("cjk-ext-b", "𠀀"), v("full-width-digits", "１２３"), v("100kB", HUNDRED_KB),
            v("date-0000", "0000-01-01"), v("date-9999", "9999-12-31"), v("date-feb-30", "2025-02-30"),
            v("text-for-date", "yesterday"), v("nan", "NaN"), v("1e308", "1e308"),
            v("negative", "-1"), v("3-decimals", "1.005"), v("huge", "1000000000000.00"),
            v("minus-zero", "-0.00"), v("backslash", "\\"), v("percent", "%"), v("empty", ""));

    /** Names of the values by kind, for the report. */
    public static Map<String, Integer> sizes() {
        return Map.of("text", TEXT.size(), "amounts", AMOUNTS.size(), "dates", DATES.size(),
                "integers", INTEGERS.size(), "raw", RAW.size());
    }

    private static <T> Value<T> v(String name, T value) {
        return new Value<>(name, value);
    }
}

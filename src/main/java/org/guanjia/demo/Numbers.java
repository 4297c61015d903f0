package org.guanjia.demo;

import java.util.HashMap;
import java.util.Map;

/**
 * Readable numbers for demo records, e.g. {@code D-CP-2025-000123}. The {@code D-} prefix keeps
 * them apart from the numbers the application makes from its sequences (complaint_no_seq, ...),
 * which therefore need no adjustment after the demo data is written. Counters run per prefix
 * and year in generation order, which is deterministic.
 */
final class Numbers {

    private final Map<String, Integer> counters = new HashMap<>();

    /** The next number with the prefix (e.g. "CP") in the year. */
    String next(String prefix, int year) {
        String key = prefix + year;
        int n = counters.merge(key, 1, Integer::sum);
        return "D-" + prefix + "-" + year + "-" + pad(n, 6);
    }

    /** The number with leading zeros to the width (String.format is too slow here). */
    static String pad(long n, int width) {
        String s = Long.toString(n);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }
}

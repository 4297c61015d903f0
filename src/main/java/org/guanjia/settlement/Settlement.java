package org.guanjia.settlement;

import java.time.LocalDateTime;

/**
 * The year-end settlement of an estate: a {@code draft} is recomputed in place, {@code final}
 * is locked. {@code currency} is the estate's (ISO 4217).
 */
public record Settlement(String settlementNo, String estateCode, int year, String status,
        LocalDateTime computedAt, LocalDateTime finalizedAt, String currency) {

    public static final String DRAFT = "draft";
    public static final String FINAL = "final";

    public boolean isFinal() {
        return FINAL.equals(status);
    }
}

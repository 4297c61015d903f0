package org.guanjia.notice;

import java.time.LocalDate;
import java.util.Set;

/**
 * What the notice form writes.
 *
 * @param no         empty for a new notice (numbered by the application)
 * @param postedOn   today when empty
 * @param expiresOn  optional, not before {@code postedOn}
 * @param boardCodes at least one board
 */
public record NoticeForm(String no, String title, String body, LocalDate postedOn, LocalDate expiresOn,
        Set<String> boardCodes) {
}

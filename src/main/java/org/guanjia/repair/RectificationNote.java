package org.guanjia.repair;

import java.time.LocalDateTime;

/** A progress note on a rectification item; {@code returnVisit} when it records a visit to the owner. */
public record RectificationNote(LocalDateTime notedAt, String staffCode, String staffName,
        boolean returnVisit, String note) {
}

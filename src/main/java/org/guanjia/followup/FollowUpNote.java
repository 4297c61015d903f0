package org.guanjia.followup;

import java.time.LocalDateTime;

/** A progress note on a follow-up. */
public record FollowUpNote(LocalDateTime notedAt, String staffCode, String note) {
}

package org.guanjia.audit;

import java.time.LocalDateTime;

/** One line of the audit log: who did what to which record, and when. */
public record AuditEntry(long id, LocalDateTime at, String username, String action, String entity,
        String entityKey, String details) {
}

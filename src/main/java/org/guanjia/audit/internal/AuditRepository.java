package org.guanjia.audit.internal;

import static org.guanjia.db.Tables.AUDIT_LOG;

import java.time.LocalDateTime;
import java.util.List;
import org.guanjia.audit.AuditEntry;
import org.guanjia.base.Page;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

@Repository
public class AuditRepository {

    private final DSLContext dsl;

    AuditRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public void insert(LocalDateTime at, String username, String action, String entity, String key,
            String details) {
        dsl.insertInto(AUDIT_LOG)
                .set(AUDIT_LOG.LOGGED_AT, at)
                .set(AUDIT_LOG.USERNAME, username)
                .set(AUDIT_LOG.ACTION, action)
                .set(AUDIT_LOG.ENTITY, entity)
                .set(AUDIT_LOG.ENTITY_KEY, key)
                .set(AUDIT_LOG.DETAILS, details)
                .set(AUDIT_LOG.CREATED_BY, username)
                .set(AUDIT_LOG.UPDATED_BY, username)
                .execute();
    }

    public List<AuditEntry> list(String text, Page page) {
        return dsl.select(AUDIT_LOG.ID, AUDIT_LOG.LOGGED_AT, AUDIT_LOG.USERNAME, AUDIT_LOG.ACTION,
                        AUDIT_LOG.ENTITY, AUDIT_LOG.ENTITY_KEY, AUDIT_LOG.DETAILS)
                .from(AUDIT_LOG)
                .where(filter(text))
                .orderBy(AUDIT_LOG.ID.desc())
                .offset(page.offset()).limit(page.limit())
                .fetch(Records.mapping(AuditEntry::new));
    }

    public int count(String text) {
        return dsl.fetchCount(AUDIT_LOG, filter(text));
    }

    private static Condition filter(String text) {
        if (text == null || text.isBlank()) {
            return DSL.noCondition();
        }
        String t = text.trim();
        return AUDIT_LOG.USERNAME.containsIgnoreCase(t)
                .or(AUDIT_LOG.ENTITY.containsIgnoreCase(t))
                .or(AUDIT_LOG.ENTITY_KEY.containsIgnoreCase(t));
    }
}

package org.guanjia.base;

import java.time.Clock;
import java.time.LocalDateTime;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.RecordContext;
import org.jooq.RecordListener;
import org.springframework.stereotype.Component;

/** Fills created_at/by and updated_at/by of every record stored through jOOQ records. */
@Component
public class AuditStampListener implements RecordListener {

    private final Clock clock;
    private final CurrentUser currentUser;

    public AuditStampListener(Clock clock, CurrentUser currentUser) {
        this.clock = clock;
        this.currentUser = currentUser;
    }

    @Override
    public void insertStart(RecordContext ctx) {
        stamp(ctx.record(), true);
    }

    @Override
    public void updateStart(RecordContext ctx) {
        stamp(ctx.record(), false);
    }

    @Override
    public void storeStart(RecordContext ctx) {
        // store() calls insertStart or updateStart as well
    }

    private void stamp(Record record, boolean insert) {
        LocalDateTime now = LocalDateTime.now(clock);
        String user = currentUser.usernameOrSystem();
        if (insert) {
            set(record, "created_at", now);
            set(record, "created_by", user);
        }
        set(record, "updated_at", now);
        set(record, "updated_by", user);
    }

    @SuppressWarnings("unchecked")
    private static void set(Record record, String name, Object value) {
        Field<Object> field = (Field<Object>) record.field(name);
        if (field != null) {
            record.set(field, value);
        }
    }
}

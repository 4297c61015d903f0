package org.guanjia.base;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.TableRecord;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The batch path for many rows at once (demo generator, import): multi-row INSERTs with bind
 * values, in chunks, inside the caller's transaction. Columns are those set on any record of
 * a chunk; the created/updated stamps are filled when not set.
 */
@Component
public class BatchWriter {

    /** Rows per INSERT statement. */
    static final int CHUNK = 500;

    private final DSLContext dsl;
    private final Clock clock;
    private final CurrentUser currentUser;

    public BatchWriter(DSLContext dsl, Clock clock, CurrentUser currentUser) {
        this.dsl = dsl;
        this.clock = clock;
        this.currentUser = currentUser;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public <R extends TableRecord<R>> int insert(Table<R> table, List<R> records) {
        if (records.isEmpty()) {
            return 0;
        }
        LocalDateTime now = LocalDateTime.now(clock);
        String user = currentUser.usernameOrSystem();
        int written = 0;
        for (int from = 0; from < records.size(); from += CHUNK) {
            List<R> chunk = records.subList(from, Math.min(records.size(), from + CHUNK));
            Set<Field<?>> fields = new LinkedHashSet<>();
            for (R r : chunk) {
                stamp(r, now, user);
                for (Field<?> f : r.fields()) {
                    if (r.changed(f)) {
                        fields.add(table.field(f));
                    }
                }
            }
            written += dsl.insertInto(table, new ArrayList<>(fields))
                    .valuesOfRecords(chunk.stream().map(r -> r.into(fields.toArray(Field[]::new)))
                            .toList())
                    .execute();
        }
        return written;
    }

    private static void stamp(TableRecord<?> r, LocalDateTime now, String user) {
        setIfNull(r, "created_at", now);
        setIfNull(r, "updated_at", now);
        setIfNull(r, "created_by", user);
        setIfNull(r, "updated_by", user);
    }

    @SuppressWarnings("unchecked")
    private static void setIfNull(TableRecord<?> r, String name, Object value) {
        Field<Object> f = (Field<Object>) r.field(name);
        if (f != null && r.get(f) == null) {
            r.set(f, value);
        }
    }
}

package org.guanjia.base;

import java.util.Objects;
import org.jooq.Field;
import org.jooq.UpdatableRecord;
import org.jooq.exception.DataAccessException;

/**
 * Updates only the columns whose value really changed. DuckDB rewrites an update of an indexed
 * column (a key or a foreign key) as delete + insert, which its foreign keys refuse while other
 * rows point at the record; writing unchanged columns back would trip that on every edit.
 */
public final class RecordUpdates {

    private RecordUpdates() {
    }

    /**
     * Updates the record; when a changed reference cannot be written because other records point
     * at this one, reports it on {@code referenceField}.
     */
    public static void update(UpdatableRecord<?> r, String referenceField) {
        for (Field<?> f : r.fields()) {
            if (r.changed(f) && Objects.equals(r.get(f), r.original(f))) {
                r.changed(f, false);
            }
        }
        try {
            r.update();
        } catch (DataAccessException e) {
            if (e.getMessage() != null && e.getMessage().contains("still referenced")) {
                throw ValidationException.of(referenceField, "validation.referenced");
            }
            throw e;
        }
    }
}

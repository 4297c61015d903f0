package org.guanjia.interchange;

import static org.guanjia.db.Tables.PAYMENTS;
import static org.guanjia.db.Tables.STATEMENTS;
import static org.guanjia.db.Tables.UNITS;

import java.util.ArrayList;
import java.util.List;
import org.guanjia.db.DefaultSchema;
import org.jooq.ForeignKey;
import org.jooq.Table;
import org.jooq.TableField;

/**
 * The single-column references between tables: the foreign keys the database checks, plus
 * those it does not check because checking them cost a large import too much
 * ({@code V021__fee_rows_without_costly_keys.sql}). Code that must know what refers to what
 * (the import's dangling-reference and moved-row checks) reads this, never the foreign keys
 * alone, so dropping a key for speed never drops a check.
 */
final class References {

    /** {@code table.column} refers to {@code target.targetColumn}. */
    public record Reference(Table<?> table, TableField<?, ?> field, Table<?> target,
            TableField<?, ?> targetField) {
    }

    /** The references V021 took out of the database (see its header). */
    private static final List<Reference> UNCHECKED = List.of(
            new Reference(STATEMENTS, STATEMENTS.UNIT_CODE, UNITS, UNITS.UNIT_CODE),
            new Reference(STATEMENTS, STATEMENTS.CORRECTS_STATEMENT_NO, STATEMENTS, STATEMENTS.STATEMENT_NO),
            new Reference(PAYMENTS, PAYMENTS.UNIT_CODE, UNITS, UNITS.UNIT_CODE),
            new Reference(PAYMENTS, PAYMENTS.STATEMENT_NO, STATEMENTS, STATEMENTS.STATEMENT_NO));

    private static final List<Reference> ALL = build();

    private References() {
    }

    /** The references the database does not check. */
    public static List<Reference> unchecked() {
        return UNCHECKED;
    }

    /** The references made by rows of {@code table}. */
    public static List<Reference> from(Table<?> table) {
        return ALL.stream().filter(r -> r.table().equals(table)).toList();
    }

    private static List<Reference> build() {
        List<Reference> all = new ArrayList<>();
        for (Table<?> t : DefaultSchema.DEFAULT_SCHEMA.getTables()) {
            for (ForeignKey<?, ?> fk : t.getReferences()) {
                if (fk.getFields().size() == 1) {
                    all.add(new Reference(t, fk.getFields().get(0), fk.getKey().getTable(),
                            fk.getKeyFields().get(0)));
                }
            }
        }
        for (Reference r : UNCHECKED) {
            boolean duplicate = all.stream().anyMatch(a -> a.table().equals(r.table())
                    && a.field().equals(r.field()));
            if (duplicate) {
                throw new IllegalStateException("The database checks " + r.table().getName() + "."
                        + r.field().getName() + " again: take it out of References.UNCHECKED");
            }
            all.add(r);
        }
        return List.copyOf(all);
    }
}

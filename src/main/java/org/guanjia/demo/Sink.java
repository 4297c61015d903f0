package org.guanjia.demo;

import org.guanjia.base.BatchWriter;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.jooq.ForeignKey;
import org.jooq.TableRecord;

/**
 * Collects generated records per {@link Slot} and hands their prepared INSERTs on in batches, so
 * memory stays bounded at any scale. A slot that reaches {@link #SLOT_FLUSH} records is written
 * together with the slots it references (its parents first); when {@link #TOTAL_FLUSH} records
 * are waiting, everything is written in slot order. Few, large INSERTs matter: each costs DuckDB
 * about 10 ms on top of its rows. Counts the rows per table and the money totals.
 */
final class Sink {

    static final int SLOT_FLUSH = 20_000;
    static final int TOTAL_FLUSH = 150_000;

    private final Consumer<List<BatchWriter.Chunk>> out;
    private final Map<Slot, List<TableRecord<?>>> buffers = new EnumMap<>(Slot.class);
    private final SortedMap<String, Long> counts = new TreeMap<>();
    private int waiting;
    private long statementCents;
    private long paymentCents;

    Sink(Consumer<List<BatchWriter.Chunk>> out) {
        this.out = out;
    }

    void add(Slot slot, TableRecord<?> record) {
        List<TableRecord<?>> buffer = buffers.computeIfAbsent(slot, s -> new ArrayList<>());
        buffer.add(record);
        counts.merge(slot.table.getName(), 1L, Long::sum);
        waiting++;
        if (waiting >= TOTAL_FLUSH) {
            flush();
        } else if (buffer.size() >= SLOT_FLUSH) {
            List<BatchWriter.Chunk> inserts = new ArrayList<>();
            flush(slot, inserts);
            out.accept(inserts);
        }
    }

    void addStatementAmount(BigDecimal amount) {
        statementCents += amount.movePointRight(2).longValueExact();
    }

    void addPaymentAmount(BigDecimal amount) {
        paymentCents += amount.movePointRight(2).longValueExact();
    }

    /** Writes everything waiting. */
    void flush() {
        List<BatchWriter.Chunk> inserts = new ArrayList<>();
        for (Slot slot : Slot.values()) {
            take(slot, inserts);
        }
        if (!inserts.isEmpty()) {
            out.accept(inserts);
        }
    }

    /** The slot's records after those of every earlier slot its table references. */
    private void flush(Slot slot, List<BatchWriter.Chunk> inserts) {
        for (ForeignKey<?, ?> fk : slot.table.getReferences()) {
            for (Slot parent : Slot.values()) {
                if (parent.ordinal() < slot.ordinal() && parent.table.equals(fk.getKey().getTable())) {
                    flush(parent, inserts);
                }
            }
        }
        take(slot, inserts);
    }

    private void take(Slot slot, List<BatchWriter.Chunk> inserts) {
        List<TableRecord<?>> buffer = buffers.get(slot);
        if (buffer != null && !buffer.isEmpty()) {
            inserts.addAll(BatchWriter.prepare(slot.table, buffer));
            waiting -= buffer.size();
            buffers.put(slot, new ArrayList<>());
        }
    }

    DemoReport report() {
        return new DemoReport(counts, BigDecimal.valueOf(statementCents, 2),
                BigDecimal.valueOf(paymentCents, 2));
    }
}

package org.guanjia.demo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.jooq.TableRecord;

/**
 * Collects generated records per {@link Slot}; whenever {@link #FLUSH_AT} records are waiting,
 * prepares their INSERTs in slot order and hands them on, so memory stays bounded at any scale.
 * Counts the rows per table and the money totals for the {@link DemoReport}.
 */
final class Sink {

    static final int FLUSH_AT = 50_000;

    private final Consumer<List<ColumnarWriter.Insert>> out;
    private final Map<Slot, List<TableRecord<?>>> buffers = new EnumMap<>(Slot.class);
    private final SortedMap<String, Long> counts = new TreeMap<>();
    private int waiting;
    private long statementCents;
    private long paymentCents;

    Sink(Consumer<List<ColumnarWriter.Insert>> out) {
        this.out = out;
    }

    void add(Slot slot, TableRecord<?> record) {
        buffers.computeIfAbsent(slot, s -> new ArrayList<>()).add(record);
        counts.merge(slot.table.getName(), 1L, Long::sum);
        if (++waiting >= FLUSH_AT) {
            flush();
        }
    }

    void addStatementAmount(BigDecimal amount) {
        statementCents += amount.movePointRight(2).longValueExact();
    }

    void addPaymentAmount(BigDecimal amount) {
        paymentCents += amount.movePointRight(2).longValueExact();
    }

    void flush() {
        List<ColumnarWriter.Insert> inserts = new ArrayList<>();
        for (Slot slot : Slot.values()) {
            List<TableRecord<?>> buffer = buffers.get(slot);
            if (buffer != null && !buffer.isEmpty()) {
                inserts.addAll(ColumnarWriter.prepare(slot.table, buffer));
                buffers.put(slot, new ArrayList<>());
            }
        }
        waiting = 0;
        if (!inserts.isEmpty()) {
            out.accept(inserts);
        }
    }

    DemoReport report() {
        return new DemoReport(counts, BigDecimal.valueOf(statementCents, 2),
                BigDecimal.valueOf(paymentCents, 2));
    }
}

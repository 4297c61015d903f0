package org.guanjia.demo;

import org.guanjia.base.BatchWriter;

import static org.guanjia.db.Tables.ESTATES;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Fills an empty database with a deterministic demo company: 36 months of history ending at a
 * given date, for every record type of the schema, with the patterns the KPI dashboards should
 * show (seasonal complaints, falling vacancy, a few chronic defaulters, butler handovers).
 *
 * <ul>
 *   <li><b>Determinism.</b> All randomness comes from {@link Dice} streams seeded from the seed
 *       and fixed keys; nothing reads the clock or depends on hash order. The same seed, scale
 *       and end date give the same rows (the created/updated stamps are the database's).</li>
 *   <li><b>Numbers.</b> Demo records carry readable numbers with a {@code D-} prefix
 *       ({@code D-CP-2025-000123}, see {@link Numbers}) instead of the application's sequences,
 *       so the sequences need no adjustment and later numbers never collide.</li>
 *   <li><b>Memory.</b> Company structure is built first; units and everything per unit are
 *       built per estate and written in batches (see {@link Sink}), so scale 250
 *       (500,000 units) runs in bounded memory.</li>
 *   <li><b>Writing.</b> A background thread generates the records and prepares their INSERTs
 *       ({@link BatchWriter#prepare}); the calling thread executes them in its transaction, so
 *       generating and writing overlap on two cores. {@code base.BatchWriter} is 20-30 times
 *       slower on DuckDB and would not meet the 15-second first start.</li>
 *   <li><b>Left empty.</b> payment_allocations and unit_credits (the allocation engine fills
 *       them), agenda_items, audit_log, statement_run_reviews (needs user accounts, which come
 *       after the data).</li>
 * </ul>
 */
@Component
public class DemoDataGenerator {

    private static final Logger log = LoggerFactory.getLogger(DemoDataGenerator.class);

    private final DSLContext dsl;

    public DemoDataGenerator(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Generates the demo company into the (empty) database, in the caller's transaction.
     *
     * @param seed    seed of all randomness
     * @param scale   1.0 = about 2,000 units; units, buildings and everything per unit scale
     * @param endDate the history covers the 36 months up to this day (activity until the day before)
     * @throws IllegalStateException if the database already has estates
     */
    public DemoReport generate(long seed, double scale, LocalDate endDate) {
        if (!(scale > 0 && scale <= 10_000)) {
            throw new IllegalArgumentException("scale must be in (0, 10000]: " + scale);
        }
        if (dsl.fetchExists(ESTATES)) {
            throw new IllegalStateException(
                    "The database already has estates; demo data is only generated into an empty database.");
        }
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(1);
        Thread producer = new Thread(() -> produce(seed, scale, endDate, queue), "demo-generator");
        producer.setDaemon(true);
        producer.start();
        try {
            return write(queue);
        } catch (RuntimeException | Error e) {
            producer.interrupt();
            throw e;
        }
    }

    private record Done(DemoReport report) {
    }

    private record Failed(Throwable error) {
    }

    /** On the calling thread: executes the prepared inserts until the generator is done. */
    private DemoReport write(BlockingQueue<Object> queue) {
        Map<String, Long> millis = new TreeMap<>();
        while (true) {
            Object item;
            try {
                item = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while writing demo data", e);
            }
            if (item instanceof Done done) {
                log.debug("Demo data write time per table (ms): {}", millis);
                return done.report();
            }
            if (item instanceof Failed failed) {
                if (failed.error() instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException("Demo data generation failed", failed.error());
            }
            for (Object o : (List<?>) item) {
                BatchWriter.Chunk insert = (BatchWriter.Chunk) o;
                long started = System.nanoTime();
                BatchWriter.execute(dsl, insert);
                millis.merge(insert.table().getName(), (System.nanoTime() - started) / 1_000_000, Long::sum);
            }
        }
    }

    /** On the generator thread: builds the records, hands batches of inserts to the writer. */
    private void produce(long seed, double scale, LocalDate endDate, BlockingQueue<Object> queue) {
        try {
            Sink sink = new Sink(inserts -> put(queue, inserts));
            GenContext g = new GenContext(seed, scale, new DemoCalendar(endDate), sink);
            generate(g);
            sink.flush();
            put(queue, new Done(sink.report()));
        } catch (Interrupted e) {
            // the writer failed and stopped us
        } catch (RuntimeException | Error e) {
            queue.clear();
            queue.offer(new Failed(e));
        }
    }

    private static void generate(GenContext g) {
        MasterDataGen master = new MasterDataGen(g);
        g.company = master.build();
        g.followUps = new FollowUps(g);
        FeesGen fees = new FeesGen(g);
        fees.companyWide();
        for (EstateM e : g.company.estates) {
            long started = System.nanoTime();
            List<UnitM> units = master.units(e);
            fees.schedules(e);
            SettlementGen settlement = new SettlementGen(g, e, units);
            // the budget sets the prepayments the statements bill
            settlement.budgets();
            fees.units(e, units);
            new ServiceGen(g, e, units).run();
            new DailyWorkGen(g, e, units).run();
            new CommunityGen(g, e, units).run();
            settlement.settle();
            new WorkPlansGen(g, e).run();
            log.debug("Demo estate {} generated ({} units) in {} ms", e.code, units.size(),
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    private static void put(BlockingQueue<Object> queue, Object item) {
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Interrupted();
        }
    }

    /** Unwinds the generator thread when the writer has stopped it. */
    private static final class Interrupted extends RuntimeException {
        Interrupted() {
            super(null, null, false, false);
        }
    }
}

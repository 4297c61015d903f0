package org.guanjia.analytics;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Admission for the heavy reads (KPI datasets, dashboard panels): at most
 * {@code guanjia.analytics.concurrent-queries} of them run at once (default: one per core), and a
 * read waits for its turn BEFORE it takes a connection from the pool.
 *
 * <p>Why: a KPI query keeps the cores busy for tens to hundreds of milliseconds and holds a pooled
 * connection all that time. Without a limit, a dozen managers reading dashboards took every
 * connection of the pool and the butlers' saves queued behind them (seconds for a one-row
 * insert, see the load test in the README). With the gate, reads queue among themselves (in
 * arrival order) while saves always find a free connection; more reads at once than cores would
 * only share the same cores more slowly.
 *
 * <p>Reentrant per thread: a dashboard that holds the gate may run several KPI queries inside it.
 */
@Component
public class AnalyticsGate {

    private final Semaphore permits;
    private final int size;
    private final TransactionTemplate readOnly;
    private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);

    public AnalyticsGate(PlatformTransactionManager transactions,
            @Value("${guanjia.analytics.concurrent-queries:0}") int concurrent) {
        this.size = concurrent > 0 ? concurrent : Math.max(1, Runtime.getRuntime().availableProcessors());
        this.permits = new Semaphore(size, true);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** How many reads may run at once. */
    public int size() {
        return size;
    }

    /**
     * Runs a read in a read-only transaction once a permit is free (joining the caller's
     * transaction when there is one); waits without holding a connection.
     */
    public <T> T read(Supplier<T> work) {
        int[] d = depth.get();
        if (d[0] > 0) {
            d[0]++;
            try {
                return readOnly.execute(s -> work.get());
            } finally {
                d[0]--;
            }
        }
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to read", e);
        }
        d[0] = 1;
        try {
            return readOnly.execute(s -> work.get());
        } finally {
            d[0] = 0;
            depth.remove();
            permits.release();
        }
    }
}

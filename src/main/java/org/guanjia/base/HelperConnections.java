package org.guanjia.base;

import java.util.function.Supplier;

/**
 * Marks a thread that helps another one with its read-only queries (the KPI helper threads,
 * {@code KpiService}): its transactions take their connections from a pool of their own
 * ({@link DatabaseConfig}), never from the one the helped threads hold theirs from. A caller
 * waits for its helpers while it holds a connection; had the helpers to take theirs from the
 * same pool, callers holding every connection would each wait for a helper waiting for one of
 * them — until the pool's timeout (30 s), seen in the load test with four dashboards at once.
 */
public final class HelperConnections {

    private static final ThreadLocal<Boolean> HELPING = ThreadLocal.withInitial(() -> false);

    private HelperConnections() {
    }

    /** Runs {@code work} on this thread as a helper's. */
    public static <T> T run(Supplier<T> work) {
        boolean before = HELPING.get();
        HELPING.set(true);
        try {
            return work.get();
        } finally {
            HELPING.set(before);
        }
    }

    /** Whether this thread runs a helper's work. */
    static boolean helping() {
        return HELPING.get();
    }
}

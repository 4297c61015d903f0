package org.guanjia.base;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Identical computations asked for at the same moment, done once: a caller whose key is being
 * computed by another waits for that computation and gets its result (or its exception). Nothing
 * is kept once the computation is done — the next caller computes afresh — so a result is never
 * older than the moment a computation already running began, a few hundred milliseconds at most
 * for a dashboard. Used where several users open the same figures at once (three managers
 * opening the overview in the same second): the figures are computed once instead of three
 * times on the same cores.
 *
 * @param <K> the key: everything the result depends on (equals and hashCode)
 * @param <V> the result, shared by the callers: not to be changed by them
 */
public final class InFlight<K, V> {

    private final Map<K, CompletableFuture<V>> running = new ConcurrentHashMap<>();
    private final AtomicLong joined = new AtomicLong();

    /** The result for the key: computed by {@code compute} here, or by the caller already at it. */
    public V get(K key, Supplier<V> compute) {
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> other = running.putIfAbsent(key, mine);
        if (other != null) {
            joined.incrementAndGet();
            return await(other);
        }
        try {
            V value = compute.get();
            mine.complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            running.remove(key, mine);
        }
    }

    /** How many callers got another's result since start (for the tests). */
    public long joined() {
        return joined.get();
    }

    private static <V> V await(CompletableFuture<V> other) {
        try {
            return other.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the same computation", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}

package org.guanjia.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link InFlight}: a computation asked for while the same one runs is waited for, not repeated. */
class InFlightTest {

    private final ExecutorService pool = Executors.newFixedThreadPool(3);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void a_caller_of_a_key_being_computed_gets_that_result_and_a_later_one_computes_afresh()
            throws Exception {
        InFlight<String, Object> inFlight = new InFlight<>();
        AtomicInteger computed = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Object> first = pool.submit(() -> inFlight.get("overview", () -> {
            computed.incrementAndGet();
            started.countDown();
            await(release);
            return new Object();
        }));
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        Future<Object> second = pool.submit(() -> inFlight.get("overview", () -> {
            computed.incrementAndGet();
            return new Object();
        }));
        // another key is not held up by it
        assertThat(inFlight.get("collection", () -> "own")).isEqualTo("own");
        waitUntil(() -> inFlight.joined() == 1);
        release.countDown();
        Object a = first.get(5, TimeUnit.SECONDS);
        assertThat(second.get(5, TimeUnit.SECONDS)).isSameAs(a);
        assertThat(computed).hasValue(1);
        // done: nothing kept
        Object later = inFlight.get("overview", () -> {
            computed.incrementAndGet();
            return new Object();
        });
        assertThat(later).isNotSameAs(a);
        assertThat(computed).hasValue(2);
        assertThat(inFlight.joined()).isEqualTo(1);
    }

    @Test
    void a_failure_reaches_every_caller_waiting_for_it_and_the_next_call_tries_again()
            throws Exception {
        InFlight<String, String> inFlight = new InFlight<>();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<String> first = pool.submit(() -> inFlight.get("k", () -> {
            started.countDown();
            await(release);
            throw new IllegalArgumentException("bad filter");
        }));
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        Future<String> second = pool.submit(() -> inFlight.get("k", () -> "never"));
        waitUntil(() -> inFlight.joined() == 1);
        release.countDown();
        for (Future<String> f : java.util.List.of(first, second)) {
            assertThatThrownBy(() -> f.get(5, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("bad filter");
        }
        assertThat(inFlight.get("k", () -> "again")).isEqualTo("again");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 5 s").isLessThan(end);
            Thread.sleep(5);
        }
    }
}

package org.guanjia.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.guanjia.base.WriteConflictRetry;
import org.junit.jupiter.api.Test;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** A save that lost a DuckDB write conflict is run again; other errors are not. */
class WriteConflictRetryTest {

    /** Fails {@code failures} times with the message, then returns the number of calls. */
    public static class Saver {
        final AtomicInteger calls = new AtomicInteger();
        int failures;
        String message = "TransactionContext Error: Conflict on update!";

        public int save() {
            int n = calls.incrementAndGet();
            if (n <= failures) {
                throw new IllegalStateException("SQL [update unit_credits]",
                        new java.sql.SQLException(message));
            }
            return n;
        }
    }

    private static Saver proxy(Saver target) {
        ProxyFactory f = new ProxyFactory(target);
        f.setProxyTargetClass(true);
        f.addAdvice(new WriteConflictRetry());
        return (Saver) f.getProxy();
    }

    @Test
    void a_conflict_is_retried_until_the_save_goes_through() {
        Saver target = new Saver();
        target.failures = 2;
        assertThat(proxy(target).save()).isEqualTo(3);
    }

    @Test
    void a_conflict_that_persists_reaches_the_caller_after_a_few_attempts() {
        Saver target = new Saver();
        target.failures = 100;
        assertThatThrownBy(() -> proxy(target).save()).satisfies(e ->
                assertThat(WriteConflictRetry.isConflict(e)).isTrue());
        assertThat(target.calls.get()).isBetween(2, 10);
    }

    @Test
    void other_errors_and_calls_inside_a_transaction_are_not_retried() {
        Saver other = new Saver();
        other.failures = 1;
        other.message = "Constraint Error: duplicate key";
        assertThatThrownBy(() -> proxy(other).save()).isInstanceOf(IllegalStateException.class);
        assertThat(other.calls.get()).isEqualTo(1);

        Saver inner = new Saver();
        inner.failures = 1;
        TransactionSynchronizationManager.setActualTransactionActive(true);
        try {
            assertThatThrownBy(() -> proxy(inner).save()).isInstanceOf(IllegalStateException.class);
        } finally {
            TransactionSynchronizationManager.setActualTransactionActive(false);
        }
        assertThat(inner.calls.get()).isEqualTo(1);
    }
}

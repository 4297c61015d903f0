package org.guanjia.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.guanjia.TestUsers;
import org.guanjia.base.Role;
import org.junit.jupiter.api.Test;

/**
 * Two payments of one unit saved at the same moment, through the service: each replays the
 * unit's allocations in its own transaction, without the other's payment in view. They must
 * conflict, so that one of them runs again with the other's payment (base.WriteConflictRetry);
 * otherwise both commit and a statement is paid twice over while the credit is lost. The unit
 * has an earlier payment whose allocation and credit row stay as they were, so nothing but the
 * replay's own writes can make the two conflict.
 */
class ConcurrentPaymentsTest extends BillingServiceTestBase {

    @Test
    void two_payments_of_one_unit_saved_at_once_are_both_allocated_as_if_one_after_the_other()
            throws Exception {
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            for (String room : new String[] {"C1 0101", "C1 0102", "C2 0101", "C2 0102"}) {
                String u = unit(room.substring(0, 2), room.substring(3));
                String jan = statement(u, "100.00", date("2025-01-01"), date("2025-01-31"));
                String feb = statement(u, "100.00", date("2025-02-01"), date("2025-02-28"));
                pay(u, date("2025-01-20"), "100.00", jan);
                clock.set(date("2025-02-10"));
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<String>> saved = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    saved.add(two.submit(() -> {
                        TestUsers.signIn("finance1", Role.FINANCE, null);
                        try {
                            together.await(10, TimeUnit.SECONDS);
                            return payments.record(new NewPayment(u, date("2025-02-10"),
                                    new BigDecimal("100.00"), "transfer", null, null)).paymentNo();
                        } finally {
                            TestUsers.signOut();
                        }
                    }));
                }
                for (Future<String> f : saved) {
                    assertThat(f.get(60, TimeUnit.SECONDS)).isNotBlank();
                }
                UnitAccount a = account(u, date("2025-02-10"));
                assertThat(a.payments()).as(room).hasSize(3);
                assertThat(line(a, jan).outstanding()).as(room).isEqualTo(money("0.00"));
                assertThat(line(a, feb).collected()).as(room).isEqualTo(money("100.00"));
                assertThat(line(a, feb).outstanding()).as(room).isEqualTo(money("0.00"));
                assertThat(a.allocations().stream().map(AllocationLine::amount)
                        .reduce(BigDecimal.ZERO, BigDecimal::add)).as(room)
                        .isEqualByComparingTo("200.00");
                assertThat(a.credit()).as(room).isEqualByComparingTo("100.00");
            }
        } finally {
            two.shutdownNow();
        }
    }
}

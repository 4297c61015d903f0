package org.guanjia.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.guanjia.billing.Allocator;
import org.guanjia.soak.internal.SoakRepository.ComplaintState;
import org.guanjia.soak.internal.SoakRepository.UnitBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The crash check finds what a half-written save would leave behind (it can fail). */
class IntegrityCheckTest {

    private static final LocalDate JAN = LocalDate.of(2025, 1, 5);

    private static final Allocator.Statement S1 = new Allocator.Statement("S1", "2025-01",
            new BigDecimal("100.00"), JAN);
    private static final Allocator.Payment P1 = new Allocator.Payment("P1", JAN.plusDays(1),
            new BigDecimal("150.00"), null, null);

    private static List<String> check(UnitBooks books) {
        List<String> differences = new ArrayList<>();
        IntegrityCheck.allocations(Map.of("U1", books), differences);
        return differences;
    }

    private static UnitBooks books(List<Allocator.Allocation> stored, String credit, boolean creditRow) {
        return new UnitBooks(List.of(S1), List.of(P1), stored,
                credit == null ? null : new BigDecimal(credit), JAN.plusDays(1), creditRow);
    }

    private static final Allocator.Allocation A1 = new Allocator.Allocation("S1", "P1",
            JAN.plusDays(1), new BigDecimal("100.00"));

    @Test
    void a_unit_whose_rows_and_credit_equal_a_replay_has_no_difference() {
        assertThat(check(books(List.of(A1), "50.00", true))).isEmpty();
    }

    @Test
    void a_payment_saved_without_its_allocation_or_credit_is_found() {
        assertThat(check(books(List.of(), "50.00", true)))
                .anySatisfy(d -> assertThat(d).contains("unit U1", "allocations differ",
                        "S1/P1/2025-01-06/100.00"));
        assertThat(check(books(List.of(A1), null, false)))
                .anySatisfy(d -> assertThat(d).contains("unit U1", "credit"));
    }

    @Test
    void an_over_allocated_payment_is_found() {
        Allocator.Allocation twice = new Allocator.Allocation("S1", "P1", JAN.plusDays(1),
                new BigDecimal("160.00"));
        assertThat(check(books(List.of(twice), "50.00", true)))
                .anySatisfy(d -> assertThat(d).contains("payment P1", "allocated 160.00"));
    }

    @Test
    void a_complaint_whose_step_is_half_written_is_found() {
        LocalDateTime t = LocalDateTime.of(2025, 1, 5, 9, 0);
        assertThat(IntegrityCheck.complaintProblem(new ComplaintState("C1", "responded", t, null,
                null, null, null, null, null))).hasValueSatisfying(p -> assertThat(p)
                        .contains("C1", "no first response"));
        assertThat(IntegrityCheck.complaintProblem(new ComplaintState("C2", "resolved", t, t,
                "phone", true, null, "reply", null))).hasValueSatisfying(p -> assertThat(p)
                        .contains("no resolution"));
        assertThat(IntegrityCheck.complaintProblem(new ComplaintState("C3", "closed", t, t,
                "phone", true, t, "reply", t))).isEmpty();
    }

    @Test
    void a_line_cut_by_the_kill_is_not_an_acknowledgement(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("a.ack");
        try (AckFile ack = new AckFile(file)) {
            ack.ack("payment", "PM-2025-000001");
            ack.ack("visit", "V-1");
        }
        Files.writeString(file, "complaint CP-20", java.nio.file.StandardOpenOption.APPEND);
        assertThat(AckFile.read(file)).isEqualTo(Map.of("payment", Set.of("PM-2025-000001"),
                "visit", Set.of("V-1")));
    }
}

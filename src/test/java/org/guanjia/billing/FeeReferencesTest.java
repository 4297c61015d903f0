package org.guanjia.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import org.guanjia.base.ValidationException;
import org.guanjia.soak.internal.SoakRepository;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * V021 took the foreign keys off statements.unit_code, payments.unit_code,
 * payments.statement_no and statements.corrects_statement_no (they cost a tenth of a large
 * import). The references are checked where the rows are made: these are those checks, the
 * indexes that replace the keys for lookups, and the orphan check of soak.IntegrityCheck.
 */
class FeeReferencesTest extends BillingServiceTestBase {

    @Autowired
    DSLContext dsl;
    @Autowired
    SoakRepository soak;
    @Autowired
    TransactionTemplate tx;

    @Test
    void the_unit_and_statement_columns_are_indexed_and_not_checked_by_the_database() {
        assertThat(dsl.fetch("select table_name, constraint_text from duckdb_constraints()"
                        + " where constraint_type = 'FOREIGN KEY' and table_name in ('statements', 'payments')")
                .map(r -> r.get(0) + ": " + r.get(1)))
                .containsExactly("statements: FOREIGN KEY (fee_type) REFERENCES fee_types(fee_type)",
                        "statements: FOREIGN KEY (run_no) REFERENCES statement_runs(run_no)");
        assertThat(dsl.fetch("select index_name from duckdb_indexes()"
                        + " where table_name in ('statements', 'payments') order by index_name")
                .map(r -> r.get(0, String.class)))
                .containsExactly("payments_statement_idx", "payments_unit_idx", "statements_unit_idx");
    }

    @Test
    void a_payment_for_a_unit_or_statement_that_does_not_exist_is_refused_on_its_field() {
        clock.set(date("2025-01-10"));
        assertThatThrownBy(() -> payments.record(new NewPayment(p + "NO-SUCH-UNIT", date("2025-01-10"),
                new BigDecimal("10"), "cash", null, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.Problem::field)
                        .containsExactly("unitCode"));
        assertThatThrownBy(() -> payments.record(new NewPayment(unit("C1", "0101"), date("2025-01-10"),
                new BigDecimal("10"), "cash", p + "NO-SUCH-STATEMENT", null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.Problem::field)
                        .containsExactly("statementNo"));
    }

    @Test
    void a_statement_for_a_unit_that_does_not_exist_or_correcting_a_missing_statement_is_refused() {
        assertThatThrownBy(() -> statement(p + "NO-SUCH-UNIT", "2025-01", "100.00", date("2025-01-01"),
                date("2025-01-31"), null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.Problem::field, ValidationException.Problem::messageKey)
                        .containsExactly(tuple("unitCode", "validation.unknown")));
        assertThatThrownBy(() -> statement(unit("C1", "0101"), "2025-01", "100.00", date("2025-01-01"),
                date("2025-01-31"), p + "NO-SUCH-STATEMENT"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.Problem::field, ValidationException.Problem::messageKey)
                        .containsExactly(tuple("correctsStatementNo", "validation.unknown")));
    }

    @Test
    void rows_written_past_the_services_with_dangling_references_are_reported_as_orphans() {
        String u = unit("C1", "0101");
        String jan = statement(u, "100.00", date("2025-01-01"), date("2025-01-31"));
        assertThat(soak.orphans(100)).noneMatch(line -> line.contains(p));
        tx.executeWithoutResult(status -> {
            dsl.execute("insert into statements (statement_no, unit_code, period, amount, issued_on, due_on,"
                    + " corrects_statement_no) values (?, ?, '2025-02', 1, date '2025-02-01', date '2025-02-28', ?)",
                    p + "S-ORPHAN", p + "GONE-UNIT", p + "GONE-STATEMENT");
            dsl.execute("insert into payments (payment_no, unit_code, paid_on, amount, statement_no)"
                    + " values (?, ?, date '2025-02-02', 1, ?)", p + "P-ORPHAN", u, p + "GONE-STATEMENT");
            assertThat(soak.orphans(100)).filteredOn(line -> line.contains(p)).containsExactly(
                    "statement " + p + "S-ORPHAN names unit " + p + "GONE-UNIT, which does not exist",
                    "payment " + p + "P-ORPHAN targets statement " + p + "GONE-STATEMENT, which does not exist",
                    "statement " + p + "S-ORPHAN corrects statement " + p + "GONE-STATEMENT, which does not exist");
            status.setRollbackOnly();
        });
        assertThat(soak.orphans(100)).noneMatch(line -> line.contains(p));
        assertThat(account(u, date("2025-02-10")).statements()).extracting(LedgerLine::statementNo)
                .containsExactly(jan);
    }
}

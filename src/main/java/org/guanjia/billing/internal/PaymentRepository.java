package org.guanjia.billing.internal;

import static org.guanjia.db.Sequences.PAYMENT_NO_SEQ;
import static org.guanjia.db.Tables.BUILDINGS;
import static org.guanjia.db.Tables.PAYMENTS;
import static org.guanjia.db.Tables.UNITS;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.guanjia.base.Page;
import org.guanjia.base.RecordUpdates;
import org.guanjia.base.Scope;
import org.guanjia.base.Sort;
import org.guanjia.billing.NewPayment;
import org.guanjia.billing.Payment;
import org.guanjia.billing.PaymentFilter;
import org.guanjia.db.tables.records.PaymentsRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.OrderField;
import org.jooq.Record9;
import org.jooq.Records;
import org.jooq.SelectSelectStep;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** jOOQ access to payments: numbering, writing, reversing, and the scoped list. */
@Repository
public class PaymentRepository {

    private static final Map<String, Field<?>> SORT = Map.of(
            "paymentNo", PAYMENTS.PAYMENT_NO, "paidOn", PAYMENTS.PAID_ON,
            "unitCode", PAYMENTS.UNIT_CODE, "amount", PAYMENTS.AMOUNT,
            "channel", PAYMENTS.CHANNEL);

    private final DSLContext dsl;

    PaymentRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The next number of the payment_no_seq sequence. */
    public long nextNumber() {
        // dsl.nextval(...) renders "seq".nextval, which DuckDB does not understand
        return dsl.select(DSL.function("nextval", Long.class, DSL.inline(PAYMENT_NO_SEQ.getName())))
                .fetchSingle().value1();
    }

    public void insert(String paymentNo, NewPayment p) {
        PaymentsRecord r = dsl.newRecord(PAYMENTS);
        r.setPaymentNo(paymentNo);
        r.setUnitCode(p.unitCode());
        r.setPaidOn(p.paidOn());
        r.setAmount(p.amount());
        r.setChannel(p.channel());
        r.setStatementNo(p.statementNo());
        r.setNote(p.note());
        r.insert();
    }

    /**
     * Marks the payment reversed. Only voided_on, note and the stamps change: the row may be
     * referenced by allocation rows, so no key or reference column is written (DuckDB).
     */
    public void reverse(String paymentNo, java.time.LocalDate voidedOn, String note) {
        PaymentsRecord r = dsl.fetchSingle(PAYMENTS, PAYMENTS.PAYMENT_NO.eq(paymentNo));
        r.setVoidedOn(voidedOn);
        r.setNote(note);
        RecordUpdates.update(r, "paymentNo");
    }

    private SelectSelectStep<Record9<String, String, java.time.LocalDate, java.math.BigDecimal,
            String, String, java.time.LocalDate, String, String>> columns() {
        return dsl.select(PAYMENTS.PAYMENT_NO, PAYMENTS.UNIT_CODE, PAYMENTS.PAID_ON,
                PAYMENTS.AMOUNT, PAYMENTS.CHANNEL, PAYMENTS.STATEMENT_NO, PAYMENTS.VOIDED_ON,
                PAYMENTS.NOTE, PAYMENTS.CREATED_BY);
    }

    public Optional<Payment> payment(String paymentNo) {
        return columns().from(PAYMENTS).where(PAYMENTS.PAYMENT_NO.eq(paymentNo))
                .fetchOptional(Records.mapping(Payment::new));
    }

    /** The unit's payments made on or before {@code asOf}, newest first. */
    public List<Payment> ofUnit(String unitCode, java.time.LocalDate asOf) {
        return columns().from(PAYMENTS)
                .where(PAYMENTS.UNIT_CODE.eq(unitCode)).and(PAYMENTS.PAID_ON.le(asOf))
                .orderBy(PAYMENTS.PAID_ON.desc(), PAYMENTS.PAYMENT_NO.desc())
                .fetch(Records.mapping(Payment::new));
    }

    public List<Payment> list(Scope scope, PaymentFilter f, Page page, List<Sort> sort) {
        List<OrderField<?>> order = new ArrayList<>();
        if (sort != null) {
            for (Sort s : sort) {
                Field<?> field = SORT.get(s.property());
                if (field != null) {
                    order.add(s.ascending() ? field.asc() : field.desc());
                }
            }
        }
        if (order.isEmpty()) {
            order.add(PAYMENTS.PAID_ON.desc());
        }
        order.add(PAYMENTS.PAYMENT_NO.desc());
        return columns().from(PAYMENTS)
                .join(UNITS).on(UNITS.UNIT_CODE.eq(PAYMENTS.UNIT_CODE))
                .join(BUILDINGS).on(BUILDINGS.BUILDING_CODE.eq(UNITS.BUILDING_CODE))
                .where(condition(scope, f))
                .orderBy(order)
                .offset(page.offset()).limit(page.limit())
                .fetch(Records.mapping(Payment::new));
    }

    public int count(Scope scope, PaymentFilter f) {
        return dsl.fetchCount(dsl.selectOne().from(PAYMENTS)
                .join(UNITS).on(UNITS.UNIT_CODE.eq(PAYMENTS.UNIT_CODE))
                .join(BUILDINGS).on(BUILDINGS.BUILDING_CODE.eq(UNITS.BUILDING_CODE))
                .where(condition(scope, f)));
    }

    private static Condition condition(Scope scope, PaymentFilter f) {
        Condition c = scope.all() ? DSL.noCondition()
                : BUILDINGS.CLUSTER_CODE.in(scope.clusterCodes());
        if (f.unitText() != null && !f.unitText().isBlank()) {
            c = c.and(PAYMENTS.UNIT_CODE.containsIgnoreCase(f.unitText().trim()));
        }
        if (f.clusterCode() != null) {
            c = c.and(BUILDINGS.CLUSTER_CODE.eq(f.clusterCode()));
        }
        if (f.from() != null) {
            c = c.and(PAYMENTS.PAID_ON.ge(f.from()));
        }
        if (f.to() != null) {
            c = c.and(PAYMENTS.PAID_ON.le(f.to()));
        }
        if (f.channel() != null) {
            c = c.and(PAYMENTS.CHANNEL.eq(f.channel()));
        }
        if (!f.includeReversed()) {
            c = c.and(PAYMENTS.VOIDED_ON.isNull());
        }
        return c;
    }
}

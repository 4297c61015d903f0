package org.guanjia.bankdebit.internal;

import static org.guanjia.db.Sequences.BANK_DEBIT_BATCH_NO_SEQ;
import static org.guanjia.db.Sequences.BANK_DEBIT_ENROLMENTS_SEQ;
import static org.guanjia.db.Sequences.COLLECTION_ACTION_NO_SEQ;
import static org.guanjia.db.Sequences.PAYMENT_NO_SEQ;
import static org.guanjia.db.Tables.BANK_DEBIT_BATCHES;
import static org.guanjia.db.Tables.BANK_DEBIT_ENROLMENTS;
import static org.guanjia.db.Tables.BANK_DEBIT_IMPORTS;
import static org.guanjia.db.Tables.BANK_DEBIT_ITEMS;
import static org.guanjia.db.Tables.BUILDINGS;
import static org.guanjia.db.Tables.COLLECTION_ACTIONS;
import static org.guanjia.db.Tables.OWNERS;
import static org.guanjia.db.Tables.PAYMENTS;
import static org.guanjia.db.Tables.PAYMENT_ALLOCATIONS;
import static org.guanjia.db.Tables.STAFF;
import static org.guanjia.db.Tables.STATEMENTS;
import static org.guanjia.db.Tables.UNITS;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.guanjia.bankdebit.AccountNumbers;
import org.guanjia.bankdebit.DebitBatch;
import org.guanjia.bankdebit.DebitCandidate;
import org.guanjia.bankdebit.DebitItem;
import org.guanjia.bankdebit.Enrolment;
import org.guanjia.bankdebit.FailedDebit;
import org.guanjia.base.BatchWriter;
import org.guanjia.base.JsonColumn;
import org.guanjia.base.Page;
import org.guanjia.base.RecordUpdates;
import org.guanjia.base.Scope;
import org.guanjia.db.tables.BankDebitItems;
import org.guanjia.db.tables.records.BankDebitBatchesRecord;
import org.guanjia.db.tables.records.BankDebitEnrolmentsRecord;
import org.guanjia.db.tables.records.BankDebitItemsRecord;
import org.guanjia.db.tables.records.PaymentsRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Sequence;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * jOOQ access for bank auto-debit: enrolments, the weekly lists and their items, the result
 * imports, and what the feature reads of other tables (statements and their allocations for
 * the outstanding amounts, owners, the collection log for the failed-debit call list).
 */
@Repository
public class BankDebitRepository {

    /** A far-away day standing for "no end" in date comparisons. */
    private static final LocalDate OPEN_END = LocalDate.of(9999, 12, 31);
    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private final DSLContext dsl;
    private final BatchWriter batchWriter;

    BankDebitRepository(DSLContext dsl, BatchWriter batchWriter) {
        this.dsl = dsl;
        this.batchWriter = batchWriter;
    }

    private static Condition inScope(Scope scope, Field<String> clusterCode) {
        return scope.all() ? DSL.trueCondition() : clusterCode.in(scope.clusterCodes());
    }

    private static Condition activeOn(LocalDate day) {
        return BANK_DEBIT_ENROLMENTS.ENROLLED_ON.le(day)
                .and(BANK_DEBIT_ENROLMENTS.ENDED_ON.isNull().or(BANK_DEBIT_ENROLMENTS.ENDED_ON.ge(day)));
    }

    /** A number made from a sequence, e.g. {@code BD-2025-000012}. */
    static String number(String prefix, int year, long n) {
        String digits = Long.toString(n);
        return prefix + "-" + year + "-" + "0".repeat(Math.max(0, 6 - digits.length())) + digits;
    }

    /** The next value of a sequence; jOOQ's own rendering ({@code seq.nextval}) fails on DuckDB. */
    private long nextval(Sequence<Long> sequence) {
        return dsl.select(DSL.field("nextval({0})", Long.class, DSL.inline(sequence.getName())))
                .fetchSingle().value1();
    }

    // --- owners and units -------------------------------------------------------------------

    /** An owner with the unit and the cluster it is in. */
    public record OwnerUnit(String ownerCode, String unitCode, String clusterCode, String name) {
    }

    public Optional<OwnerUnit> ownerUnit(String ownerCode) {
        return dsl.select(OWNERS.OWNER_CODE, OWNERS.UNIT_CODE, BUILDINGS.CLUSTER_CODE, OWNERS.NAME)
                .from(OWNERS)
                .join(UNITS).on(UNITS.UNIT_CODE.eq(OWNERS.UNIT_CODE))
                .join(BUILDINGS).on(BUILDINGS.BUILDING_CODE.eq(UNITS.BUILDING_CODE))
                .where(OWNERS.OWNER_CODE.eq(ownerCode))
                .fetchOptional(r -> new OwnerUnit(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    public Optional<String> clusterOfUnit(String unitCode) {
        return dsl.select(BUILDINGS.CLUSTER_CODE).from(UNITS)
                .join(BUILDINGS).on(BUILDINGS.BUILDING_CODE.eq(UNITS.BUILDING_CODE))
                .where(UNITS.UNIT_CODE.eq(unitCode))
                .fetchOptional(BUILDINGS.CLUSTER_CODE);
    }

    // --- enrolments -------------------------------------------------------------------------

    private Condition enrolmentCondition(Scope scope, String text, String clusterCode,
            LocalDate activeOn) {
        Condition c = inScope(scope, BUILDINGS.CLUSTER_CODE);
        if (clusterCode != null) {
            c = c.and(BUILDINGS.CLUSTER_CODE.eq(clusterCode));
        }
        if (activeOn != null) {
            c = c.and(activeOn(activeOn));
        }
        if (text != null && !text.isBlank()) {
            String t = text.trim();
            c = c.and(OWNERS.NAME.containsIgnoreCase(t)
                    .or(BANK_DEBIT_ENROLMENTS.OWNER_CODE.containsIgnoreCase(t))
                    .or(BANK_DEBIT_ENROLMENTS.UNIT_CODE.containsIgnoreCase(t))
                    .or(BANK_DEBIT_ENROLMENTS.ACCOUNT_HOLDER.containsIgnoreCase(t)));
        }
        return c;
    }

    private List<Enrolment> enrolments(Condition where, Page page) {
        return dsl.select(BANK_DEBIT_ENROLMENTS.ID, BANK_DEBIT_ENROLMENTS.OWNER_CODE, OWNERS.NAME,
                        BANK_DEBIT_ENROLMENTS.UNIT_CODE, BUILDINGS.CLUSTER_CODE,
                        BANK_DEBIT_ENROLMENTS.BANK_NAME, BANK_DEBIT_ENROLMENTS.ACCOUNT_HOLDER,
                        BANK_DEBIT_ENROLMENTS.ACCOUNT_NO, BANK_DEBIT_ENROLMENTS.ENROLLED_ON,
                        BANK_DEBIT_ENROLMENTS.ENDED_ON, BANK_DEBIT_ENROLMENTS.NOTE)
                .from(BANK_DEBIT_ENROLMENTS)
                .join(OWNERS).on(OWNERS.OWNER_CODE.eq(BANK_DEBIT_ENROLMENTS.OWNER_CODE))
                .join(UNITS).on(UNITS.UNIT_CODE.eq(BANK_DEBIT_ENROLMENTS.UNIT_CODE))
                .join(BUILDINGS).on(BUILDINGS.BUILDING_CODE.eq(UNITS.BUILDING_CODE))
                .where(where)
                .orderBy(BANK_DEBIT_ENROLMENTS.UNIT_CODE, BANK_DEBIT_ENROLMENTS.ENROLLED_ON.desc(),
                        BANK_DEBIT_ENROLMENTS.ID.desc())
                .offset(page.offset()).limit(page.limit())
                .fetch(r -> new Enrolment(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6(), r.value7(), AccountNumbers.mask(r.value8()), r.value9(),
                        r.value10(), r.value11()));
    }

    /** Enrolments in scope, by unit and newest first; {@code activeOn} keeps those valid that day. */
    public List<Enrolment> enrolments(Scope scope, String text, String clusterCode, LocalDate activeOn,
            Page page) {
        return enrolments(enrolmentCondition(scope, text, clusterCode, activeOn), page);
    }

    /** One enrolment as lists show it (account masked). */
    public Optional<Enrolment> enrolment(long id) {
        return enrolments(BANK_DEBIT_ENROLMENTS.ID.eq(id), Page.first(1)).stream().findFirst();
    }

    public int countEnrolments(Scope scope, String text, String clusterCode, LocalDate activeOn) {
        return dsl.fetchCount(dsl.selectOne().from(BANK_DEBIT_ENROLMENTS)
                .join(OWNERS).on(OWNERS.OWNER_CODE.eq(BANK_DEBIT_ENROLMENTS.OWNER_CODE))
                .join(UNITS).on(UNITS.UNIT_CODE.eq(BANK_DEBIT_ENROLMENTS.UNIT_CODE))
                .join(BUILDINGS).on(BUILDINGS.BUILDING_CODE.eq(UNITS.BUILDING_CODE))
                .where(enrolmentCondition(scope, text, clusterCode, activeOn)));
    }

    /** A stored enrolment, account number in full (for the service's checks and updates only). */
    public record StoredEnrolment(long id, EnrolmentValues values) {
    }

    public Optional<StoredEnrolment> storedEnrolment(long id) {
        return dsl.fetchOptional(BANK_DEBIT_ENROLMENTS, BANK_DEBIT_ENROLMENTS.ID.eq(id))
                .map(r -> new StoredEnrolment(r.getId(), new EnrolmentValues(r.getOwnerCode(),
                        r.getUnitCode(), r.getBankName(), r.getAccountHolder(), r.getAccountNo(),
                        r.getEnrolledOn(), r.getEndedOn(), r.getNote())));
    }

    /** Another enrolment of the unit whose period meets [from, to] (to empty = open-ended). */
    public Optional<EnrolmentValues> overlapping(String unitCode, Long exceptId,
            LocalDate from, LocalDate to) {
        Condition c = BANK_DEBIT_ENROLMENTS.UNIT_CODE.eq(unitCode)
                .and(BANK_DEBIT_ENROLMENTS.ENROLLED_ON.le(to == null ? OPEN_END : to))
                .and(DSL.coalesce(BANK_DEBIT_ENROLMENTS.ENDED_ON, OPEN_END).ge(from));
        if (exceptId != null) {
            c = c.and(BANK_DEBIT_ENROLMENTS.ID.ne(exceptId));
        }
        return dsl.selectFrom(BANK_DEBIT_ENROLMENTS).where(c)
                .orderBy(BANK_DEBIT_ENROLMENTS.ENROLLED_ON).limit(1).fetchOptional()
                .map(r -> new EnrolmentValues(r.getOwnerCode(), r.getUnitCode(), r.getBankName(),
                        r.getAccountHolder(), r.getAccountNo(), r.getEnrolledOn(), r.getEndedOn(),
                        r.getNote()));
    }

    /** Whether the owner has an enrolment that has not ended by {@code day}. */
    public boolean hasEnrolmentNotEnded(String ownerCode, LocalDate day) {
        return dsl.fetchExists(BANK_DEBIT_ENROLMENTS, BANK_DEBIT_ENROLMENTS.OWNER_CODE.eq(ownerCode)
                .and(BANK_DEBIT_ENROLMENTS.ENDED_ON.isNull().or(BANK_DEBIT_ENROLMENTS.ENDED_ON.ge(day))));
    }

    /** The enrolment's values as the service checked them. */
    public record EnrolmentValues(String ownerCode, String unitCode, String bankName,
            String accountHolder, String accountNo, LocalDate enrolledOn, LocalDate endedOn,
            String note) {
    }

    public long insertEnrolment(EnrolmentValues v) {
        long id = nextval(BANK_DEBIT_ENROLMENTS_SEQ);
        BankDebitEnrolmentsRecord r = dsl.newRecord(BANK_DEBIT_ENROLMENTS);
        r.setId(id);
        fill(r, v);
        r.insert();
        return id;
    }

    public void updateEnrolment(long id, EnrolmentValues v) {
        BankDebitEnrolmentsRecord r = dsl.fetchSingle(BANK_DEBIT_ENROLMENTS, BANK_DEBIT_ENROLMENTS.ID.eq(id));
        fill(r, v);
        RecordUpdates.update(r, "ownerCode");
    }

    private static void fill(BankDebitEnrolmentsRecord r, EnrolmentValues v) {
        r.setOwnerCode(v.ownerCode());
        r.setUnitCode(v.unitCode());
        r.setBankName(v.bankName());
        r.setAccountHolder(v.accountHolder());
        r.setAccountNo(v.accountNo());
        r.setEnrolledOn(v.enrolledOn());
        r.setEndedOn(v.endedOn());
        r.setNote(v.note());
    }

    /** An enrolment row with its owner's name: which account an item of a unit goes to. */
    private record Account(String unitCode, String ownerCode, String ownerName, String phone,
            String accountHolder, String accountNo, LocalDate enrolledOn, LocalDate endedOn) {

        boolean activeOn(LocalDate day) {
            return !enrolledOn.isAfter(day) && (endedOn == null || !endedOn.isBefore(day));
        }
    }

    private Map<String, List<Account>> accountsOf(Collection<String> unitCodes) {
        Map<String, List<Account>> byUnit = new HashMap<>();
        dsl.select(BANK_DEBIT_ENROLMENTS.UNIT_CODE, BANK_DEBIT_ENROLMENTS.OWNER_CODE, OWNERS.NAME,
                        OWNERS.PHONE, BANK_DEBIT_ENROLMENTS.ACCOUNT_HOLDER,
                        BANK_DEBIT_ENROLMENTS.ACCOUNT_NO, BANK_DEBIT_ENROLMENTS.ENROLLED_ON,
                        BANK_DEBIT_ENROLMENTS.ENDED_ON)
                .from(BANK_DEBIT_ENROLMENTS)
                .join(OWNERS).on(OWNERS.OWNER_CODE.eq(BANK_DEBIT_ENROLMENTS.OWNER_CODE))
                .where(BANK_DEBIT_ENROLMENTS.UNIT_CODE.in(unitCodes))
                .forEach(r -> byUnit.computeIfAbsent(r.value1(), u -> new ArrayList<>()).add(
                        new Account(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                                r.value6(), r.value7(), r.value8())));
        return byUnit;
    }

    /**
     * The account a unit's item of a list made on {@code day} goes to: the enrolment valid that
     * day, else the latest one begun by then, else the latest one.
     */
    private static Optional<Account> accountOn(List<Account> accounts, LocalDate day) {
        if (accounts == null || accounts.isEmpty()) {
            return Optional.empty();
        }
        Comparator<Account> newest = Comparator.comparing(Account::enrolledOn);
        return accounts.stream().filter(a -> a.activeOn(day)).max(newest)
                .or(() -> accounts.stream().filter(a -> !a.enrolledOn().isAfter(day)).max(newest))
                .or(() -> accounts.stream().max(newest));
    }

    // --- the weekly list --------------------------------------------------------------------

    /** A unit to debit, with the full account number (for the service only). */
    public record Candidate(String unitCode, String clusterCode, String ownerName,
            String accountHolder, String accountNo, BigDecimal amount) {

        public DebitCandidate masked() {
            return new DebitCandidate(unitCode, clusterCode, ownerName, accountHolder,
                    AccountNumbers.mask(accountNo), amount);
        }
    }

    /**
     * Units with an enrolment valid on {@code day} and open statements that day, each with its
     * total outstanding as KPI.md defines it: the amounts of its statements issued on or before
     * the day, less the allocations to them dated on or before the day. By unit code.
     */
    public List<Candidate> candidates(LocalDate day) {
        var enrolled = DSL.select(BANK_DEBIT_ENROLMENTS.UNIT_CODE).from(BANK_DEBIT_ENROLMENTS)
                .where(activeOn(day));
        Table<?> billed = DSL.select(STATEMENTS.UNIT_CODE.as("unit_code"),
                        DSL.sum(STATEMENTS.AMOUNT).as("billed"))
                .from(STATEMENTS)
                .where(STATEMENTS.ISSUED_ON.le(day))
                .and(STATEMENTS.UNIT_CODE.in(enrolled))
                .groupBy(STATEMENTS.UNIT_CODE)
                .asTable("billed");
        Table<?> collected = DSL.select(PAYMENT_ALLOCATIONS.UNIT_CODE.as("unit_code"),
                        DSL.sum(PAYMENT_ALLOCATIONS.AMOUNT).as("collected"))
                .from(PAYMENT_ALLOCATIONS)
                .join(STATEMENTS).on(STATEMENTS.STATEMENT_NO.eq(PAYMENT_ALLOCATIONS.STATEMENT_NO))
                .where(PAYMENT_ALLOCATIONS.ALLOCATED_ON.le(day))
                .and(STATEMENTS.ISSUED_ON.le(day))
                .and(PAYMENT_ALLOCATIONS.UNIT_CODE.in(enrolled))
                .groupBy(PAYMENT_ALLOCATIONS.UNIT_CODE)
                .asTable("collected");
        Field<String> billedUnit = billed.field("unit_code", String.class);
        Field<BigDecimal> outstanding = billed.field("billed", BigDecimal.class)
                .minus(DSL.coalesce(collected.field("collected", BigDecimal.class), ZERO));
        List<Candidate> list = dsl.select(BANK_DEBIT_ENROLMENTS.UNIT_CODE, BUILDINGS.CLUSTER_CODE,
                        OWNERS.NAME, BANK_DEBIT_ENROLMENTS.ACCOUNT_HOLDER,
                        BANK_DEBIT_ENROLMENTS.ACCOUNT_NO, outstanding)
                .from(BANK_DEBIT_ENROLMENTS)
                .join(billed).on(billedUnit.eq(BANK_DEBIT_ENROLMENTS.UNIT_CODE))
                .leftJoin(collected).on(collected.field("unit_code", String.class).eq(billedUnit))
                .join(OWNERS).on(OWNERS.OWNER_CODE.eq(BANK_DEBIT_ENROLMENTS.OWNER_CODE))
                .join(UNITS).on(UNITS.UNIT_CODE.eq(BANK_DEBIT_ENROLMENTS.UNIT_CODE))
                .join(BUILDINGS).on(BUILDINGS.BUILDING_CODE.eq(UNITS.BUILDING_CODE))
                .where(activeOn(day))
                .and(outstanding.gt(ZERO))
                .orderBy(BANK_DEBIT_ENROLMENTS.UNIT_CODE, BANK_DEBIT_ENROLMENTS.ENROLLED_ON.desc())
                .fetch(r -> new Candidate(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6().setScale(2)));
        // one enrolment per unit and day is checked on save; keep the newest should two slip in
        List<Candidate> unique = new ArrayList<>(list.size());
        for (Candidate c : list) {
            if (unique.isEmpty() || !unique.get(unique.size() - 1).unitCode().equals(c.unitCode())) {
                unique.add(c);
            }
        }
        return unique;
    }

    /** An item still waiting for the bank's result in a batch that is not settled. */
    public record WaitingItem(String unitCode, String batchNo, LocalDate createdOn) {
    }

    public List<WaitingItem> waitingItems() {
        return dsl.select(BANK_DEBIT_ITEMS.UNIT_CODE, BANK_DEBIT_BATCHES.BATCH_NO,
                        BANK_DEBIT_BATCHES.CREATED_ON)
                .from(BANK_DEBIT_ITEMS)
                .join(BANK_DEBIT_BATCHES).on(BANK_DEBIT_BATCHES.BATCH_NO.eq(BANK_DEBIT_ITEMS.BATCH_NO))
                .where(BANK_DEBIT_BATCHES.STATUS.in(DebitBatch.DRAFT, DebitBatch.SENT))
                .and(BANK_DEBIT_BATCHES.CANCELLED_ON.isNull())
                .and(BANK_DEBIT_ITEMS.RESULT.eq(DebitItem.PENDING))
                .orderBy(BANK_DEBIT_BATCHES.BATCH_NO, BANK_DEBIT_ITEMS.UNIT_CODE)
                .fetch(r -> new WaitingItem(r.value1(), r.value2(), r.value3()));
    }

    /** Creates a draft batch with one item per candidate; returns its number. */
    public String insertBatch(LocalDate createdOn, String note, List<Candidate> items) {
        String batchNo = number("BD", createdOn.getYear(), nextval(BANK_DEBIT_BATCH_NO_SEQ));
        BankDebitBatchesRecord b = dsl.newRecord(BANK_DEBIT_BATCHES);
        b.setBatchNo(batchNo);
        b.setCreatedOn(createdOn);
        b.setStatus(DebitBatch.DRAFT);
        b.setNote(note);
        b.insert();
        List<BankDebitItemsRecord> records = new ArrayList<>(items.size());
        for (Candidate c : items) {
            BankDebitItemsRecord r = new BankDebitItemsRecord();
            r.setBatchNo(batchNo);
            r.setUnitCode(c.unitCode());
            r.setAmount(c.amount());
            r.setResult(DebitItem.PENDING);
            records.add(r);
        }
        batchWriter.insert(BANK_DEBIT_ITEMS, records);
        return batchNo;
    }

    public void cancelBatch(String batchNo, LocalDate cancelledOn) {
        dsl.update(BANK_DEBIT_BATCHES)
                .set(BANK_DEBIT_BATCHES.CANCELLED_ON, cancelledOn)
                .where(BANK_DEBIT_BATCHES.BATCH_NO.eq(batchNo))
                .execute();
    }

    public void markSent(String batchNo, LocalDate sentOn) {
        dsl.update(BANK_DEBIT_BATCHES)
                .set(BANK_DEBIT_BATCHES.STATUS, DebitBatch.SENT)
                .set(BANK_DEBIT_BATCHES.SENT_ON, sentOn)
                .where(BANK_DEBIT_BATCHES.BATCH_NO.eq(batchNo))
                .execute();
    }

    public void setStatus(String batchNo, String status) {
        dsl.update(BANK_DEBIT_BATCHES)
                .set(BANK_DEBIT_BATCHES.STATUS, status)
                .where(BANK_DEBIT_BATCHES.BATCH_NO.eq(batchNo))
                .execute();
    }

    // --- batches and items ------------------------------------------------------------------

    private static Field<Integer> countWhere(Condition c) {
        return DSL.sum(DSL.when(c, DSL.inline(1)).otherwise(DSL.inline(0))).cast(Integer.class);
    }

    private List<DebitBatch> batches(Condition where, Page page) {
        BankDebitItems i = BANK_DEBIT_ITEMS;
        Field<BigDecimal> debited = DSL.coalesce(DSL.sum(DSL.when(i.RESULT.eq(DebitItem.SUCCESS),
                i.AMOUNT)), ZERO);
        var query = dsl.select(BANK_DEBIT_BATCHES.BATCH_NO, BANK_DEBIT_BATCHES.CREATED_ON,
                        BANK_DEBIT_BATCHES.SENT_ON, BANK_DEBIT_BATCHES.STATUS,
                        BANK_DEBIT_BATCHES.CANCELLED_ON, BANK_DEBIT_BATCHES.NOTE,
                        DSL.count(i.UNIT_CODE), DSL.coalesce(DSL.sum(i.AMOUNT), ZERO),
                        countWhere(i.RESULT.eq(DebitItem.SUCCESS)),
                        countWhere(i.RESULT.eq(DebitItem.FAILED)),
                        countWhere(i.RESULT.eq(DebitItem.PENDING)), debited)
                .from(BANK_DEBIT_BATCHES)
                .leftJoin(i).on(i.BATCH_NO.eq(BANK_DEBIT_BATCHES.BATCH_NO))
                .where(where)
                .groupBy(BANK_DEBIT_BATCHES.BATCH_NO, BANK_DEBIT_BATCHES.CREATED_ON,
                        BANK_DEBIT_BATCHES.SENT_ON, BANK_DEBIT_BATCHES.STATUS,
                        BANK_DEBIT_BATCHES.CANCELLED_ON, BANK_DEBIT_BATCHES.NOTE)
                .orderBy(BANK_DEBIT_BATCHES.CREATED_ON.desc(), BANK_DEBIT_BATCHES.BATCH_NO.desc());
        var paged = page == null ? query : query.offset(page.offset()).limit(page.limit());
        return paged.fetch(r -> new DebitBatch(r.value1(), r.value2(), r.value3(),
                r.value5() != null ? DebitBatch.CANCELLED : r.value4(), r.value5(), r.value6(),
                r.value7(),
                r.value8().setScale(2), orZero(r.value9()), orZero(r.value10()),
                orZero(r.value11()), r.value12().setScale(2)));
    }

    private static int orZero(Integer n) {
        return n == null ? 0 : n;
    }

    public List<DebitBatch> batches(Page page) {
        return batches(DSL.trueCondition(), page);
    }

    public int countBatches() {
        return dsl.fetchCount(BANK_DEBIT_BATCHES);
    }

    public Optional<DebitBatch> batch(String batchNo) {
        return batches(BANK_DEBIT_BATCHES.BATCH_NO.eq(batchNo), null).stream().findFirst();
    }

    /** The item's reference in the file for the bank, echoed back in the bank's result file. */
    public static String reference(String batchNo, String unitCode) {
        return batchNo + "/" + unitCode;
    }

    /** An item with the full account number of the unit's enrolment: a line of the bank file. */
    public record ExportItem(String batchNo, String unitCode, String ownerName, String accountHolder,
            String accountNo, BigDecimal amount, String reference) {
    }

    private record ItemRow(String unitCode, BigDecimal amount, String result, String failureReason,
            String paymentNo, LocalDate resultOn) {
    }

    private List<ItemRow> itemRows(String batchNo) {
        return dsl.select(BANK_DEBIT_ITEMS.UNIT_CODE, BANK_DEBIT_ITEMS.AMOUNT, BANK_DEBIT_ITEMS.RESULT,
                        BANK_DEBIT_ITEMS.FAILURE_REASON, BANK_DEBIT_ITEMS.PAYMENT_NO,
                        BANK_DEBIT_ITEMS.RESULT_ON)
                .from(BANK_DEBIT_ITEMS)
                .where(BANK_DEBIT_ITEMS.BATCH_NO.eq(batchNo))
                .orderBy(BANK_DEBIT_ITEMS.UNIT_CODE)
                .fetch(r -> new ItemRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6()));
    }

    /** The batch's items by unit, the account masked. */
    public List<DebitItem> items(String batchNo, LocalDate createdOn) {
        List<ItemRow> rows = itemRows(batchNo);
        Map<String, List<Account>> accounts = accountsOf(rows.stream().map(ItemRow::unitCode).toList());
        return rows.stream().map(r -> {
            Optional<Account> a = accountOn(accounts.get(r.unitCode()), createdOn);
            return new DebitItem(batchNo, r.unitCode(), a.map(Account::ownerName).orElse(null),
                    a.map(x -> AccountNumbers.mask(x.accountNo())).orElse(""), r.amount(),
                    r.result(), r.failureReason(), r.paymentNo(), r.resultOn(),
                    reference(batchNo, r.unitCode()));
        }).toList();
    }

    /** The batch's lines for the bank file, by unit; account empty where no enrolment exists. */
    public List<ExportItem> exportItems(String batchNo, LocalDate createdOn) {
        List<ItemRow> rows = itemRows(batchNo);
        Map<String, List<Account>> accounts = accountsOf(rows.stream().map(ItemRow::unitCode).toList());
        return rows.stream().map(r -> {
            Optional<Account> a = accountOn(accounts.get(r.unitCode()), createdOn);
            return new ExportItem(batchNo, r.unitCode(), a.map(Account::ownerName).orElse(""),
                    a.map(Account::accountHolder).orElse(""), a.map(Account::accountNo).orElse(""),
                    r.amount(), reference(batchNo, r.unitCode()));
        }).toList();
    }

    // --- results ----------------------------------------------------------------------------

    /** An item as the import compares it with a row of the result file. */
    public record ItemState(String unitCode, BigDecimal amount, String result, String failureReason,
            String paymentNo, LocalDate resultOn) {
    }

    public Map<String, ItemState> itemStates(String batchNo) {
        Map<String, ItemState> states = new HashMap<>();
        for (ItemRow r : itemRows(batchNo)) {
            states.put(r.unitCode(), new ItemState(r.unitCode(), r.amount(), r.result(),
                    r.failureReason(), r.paymentNo(), r.resultOn()));
        }
        return states;
    }

    public boolean importedBefore(String batchNo, String sha256) {
        return dsl.fetchExists(BANK_DEBIT_IMPORTS, BANK_DEBIT_IMPORTS.BATCH_NO.eq(batchNo)
                .and(BANK_DEBIT_IMPORTS.SHA256.eq(sha256)));
    }

    /** A new result of an item; a success carries the payment it became. */
    public record NewResult(String unitCode, String result, LocalDate resultOn, BigDecimal amount,
            String failureReason) {
    }

    /**
     * Stores the results: a payment (channel bank_debit) per success, linked from its item, and
     * the bank's reason on each failure. Returns the payments' numbers by unit.
     */
    public Map<String, String> storeResults(String batchNo, List<NewResult> results, String paymentNote) {
        Map<String, String> paymentNos = new HashMap<>();
        List<PaymentsRecord> payments = new ArrayList<>();
        for (NewResult r : results) {
            if (!DebitItem.SUCCESS.equals(r.result())) {
                continue;
            }
            String no = number("PM", r.resultOn().getYear(), nextval(PAYMENT_NO_SEQ));
            PaymentsRecord p = new PaymentsRecord();
            p.setPaymentNo(no);
            p.setUnitCode(r.unitCode());
            p.setPaidOn(r.resultOn());
            p.setAmount(r.amount());
            p.setChannel("bank_debit");
            p.setNote(paymentNote);
            payments.add(p);
            paymentNos.put(r.unitCode(), no);
        }
        if (!payments.isEmpty()) {
            batchWriter.insert(PAYMENTS, payments);
        }
        List<String> units = new ArrayList<>();
        List<String> outcome = new ArrayList<>();
        List<LocalDate> dates = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        List<String> links = new ArrayList<>();
        for (NewResult r : results) {
            units.add(r.unitCode());
            outcome.add(r.result());
            dates.add(r.resultOn());
            reasons.add(r.failureReason());
            links.add(paymentNos.get(r.unitCode()));
        }
        // one statement for all items: each column a JSON array unnested by DuckDB
        Table<?> v = DSL.select(JsonColumn.unnest(BANK_DEBIT_ITEMS.UNIT_CODE, units).as("unit_code"),
                        JsonColumn.unnest(BANK_DEBIT_ITEMS.RESULT, outcome).as("result"),
                        JsonColumn.unnest(BANK_DEBIT_ITEMS.RESULT_ON, dates).as("result_on"),
                        JsonColumn.unnest(BANK_DEBIT_ITEMS.FAILURE_REASON, reasons).as("failure_reason"),
                        JsonColumn.unnest(BANK_DEBIT_ITEMS.PAYMENT_NO, links).as("payment_no"))
                .asTable("v");
        dsl.update(BANK_DEBIT_ITEMS)
                .set(BANK_DEBIT_ITEMS.RESULT, v.field("result", String.class))
                .set(BANK_DEBIT_ITEMS.RESULT_ON, v.field("result_on", LocalDate.class))
                .set(BANK_DEBIT_ITEMS.FAILURE_REASON, v.field("failure_reason", String.class))
                .set(BANK_DEBIT_ITEMS.PAYMENT_NO, v.field("payment_no", String.class))
                .set(BANK_DEBIT_ITEMS.UPDATED_AT, DSL.currentLocalDateTime())
                .from(v)
                .where(BANK_DEBIT_ITEMS.BATCH_NO.eq(batchNo))
                .and(BANK_DEBIT_ITEMS.UNIT_CODE.eq(v.field("unit_code", String.class)))
                .execute();
        return paymentNos;
    }

    public void insertImport(String batchNo, String fileName, String sha256, int rows, int succeeded,
            int failed) {
        var r = dsl.newRecord(BANK_DEBIT_IMPORTS);
        r.setBatchNo(batchNo);
        r.setFileName(fileName);
        r.setSha256(sha256);
        r.setRowCount(rows);
        r.setSucceeded(succeeded);
        r.setFailed(failed);
        r.insert();
    }

    // --- failed debits and the calls about them ---------------------------------------------

    /**
     * Failed debits in scope still to be phoned about: per unit its latest debit result, if that
     * is a failure and no collection action of the unit is dated on or after the result day.
     */
    public List<FailedDebit> failedDebitsToCall(Scope scope, String clusterCode) {
        BankDebitItems i = BANK_DEBIT_ITEMS.as("i");
        BankDebitItems later = BANK_DEBIT_ITEMS.as("later");
        Field<String> ownerCode = DSL.coalesce(
                DSL.field(DSL.select(BANK_DEBIT_ENROLMENTS.OWNER_CODE).from(BANK_DEBIT_ENROLMENTS)
                        .where(BANK_DEBIT_ENROLMENTS.UNIT_CODE.eq(i.UNIT_CODE))
                        .and(BANK_DEBIT_ENROLMENTS.ENROLLED_ON.le(i.RESULT_ON))
                        .orderBy(BANK_DEBIT_ENROLMENTS.ENROLLED_ON.desc()).limit(1)),
                DSL.field(DSL.select(DSL.min(OWNERS.OWNER_CODE)).from(OWNERS)
                        .where(OWNERS.UNIT_CODE.eq(i.UNIT_CODE))));
        Condition c = i.RESULT.eq(DebitItem.FAILED)
                .and(i.RESULT_ON.isNotNull())
                .and(inScope(scope, BUILDINGS.CLUSTER_CODE))
                .andNotExists(DSL.selectOne().from(COLLECTION_ACTIONS)
                        .where(COLLECTION_ACTIONS.UNIT_CODE.eq(i.UNIT_CODE))
                        .and(COLLECTION_ACTIONS.ACTION_ON.ge(i.RESULT_ON)))
                .andNotExists(DSL.selectOne().from(later)
                        .where(later.UNIT_CODE.eq(i.UNIT_CODE))
                        .and(later.RESULT_ON.gt(i.RESULT_ON)
                                .or(later.RESULT_ON.eq(i.RESULT_ON).and(later.BATCH_NO.gt(i.BATCH_NO)))));
        if (clusterCode != null) {
            c = c.and(BUILDINGS.CLUSTER_CODE.eq(clusterCode));
        }
        return dsl.select(i.BATCH_NO, i.UNIT_CODE, BUILDINGS.CLUSTER_CODE, OWNERS.NAME, OWNERS.PHONE,
                        i.AMOUNT, i.FAILURE_REASON, i.RESULT_ON)
                .from(i)
                .join(UNITS).on(UNITS.UNIT_CODE.eq(i.UNIT_CODE))
                .join(BUILDINGS).on(BUILDINGS.BUILDING_CODE.eq(UNITS.BUILDING_CODE))
                .leftJoin(OWNERS).on(OWNERS.OWNER_CODE.eq(ownerCode))
                .where(c)
                .orderBy(i.RESULT_ON, i.UNIT_CODE)
                .fetch(r -> new FailedDebit(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6(), r.value7(), r.value8()));
    }

    /** The item's result, failure reason and result day, if the item exists. */
    public Optional<ItemState> item(String batchNo, String unitCode) {
        return dsl.select(BANK_DEBIT_ITEMS.UNIT_CODE, BANK_DEBIT_ITEMS.AMOUNT, BANK_DEBIT_ITEMS.RESULT,
                        BANK_DEBIT_ITEMS.FAILURE_REASON, BANK_DEBIT_ITEMS.PAYMENT_NO,
                        BANK_DEBIT_ITEMS.RESULT_ON)
                .from(BANK_DEBIT_ITEMS)
                .where(BANK_DEBIT_ITEMS.BATCH_NO.eq(batchNo))
                .and(BANK_DEBIT_ITEMS.UNIT_CODE.eq(unitCode))
                .fetchOptional(r -> new ItemState(r.value1(), r.value2(), r.value3(), r.value4(),
                        r.value5(), r.value6()));
    }

    /** Whether a staff record exists (a user's staff code is written into the collection log). */
    public boolean staffExists(String staffCode) {
        return dsl.fetchExists(STAFF, STAFF.STAFF_CODE.eq(staffCode));
    }
}

package org.guanjia.collection.internal;

import static org.guanjia.db.Sequences.COLLECTION_ACTION_NO_SEQ;
import static org.guanjia.db.Sequences.LAWYER_LETTER_NO_SEQ;
import static org.guanjia.db.Tables.BUILDINGS;
import static org.guanjia.db.Tables.CLUSTERS;
import static org.guanjia.db.Tables.COLLECTION_ACTIONS;
import static org.guanjia.db.Tables.DEPARTMENTS;
import static org.guanjia.db.Tables.ESTATES;
import static org.guanjia.db.Tables.LAWYER_LETTERS;
import static org.guanjia.db.Tables.LAWYER_LETTER_LINES;
import static org.guanjia.db.Tables.OWNERS;
import static org.guanjia.db.Tables.STAFF;
import static org.guanjia.db.Tables.UNITS;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.guanjia.analytics.KpiSummaryMaintenance;
import org.guanjia.analytics.KpiWorkMonths;
import org.guanjia.collection.CollectionAction;
import org.guanjia.collection.LawyerLetter;
import org.guanjia.collection.LetterLine;
import org.guanjia.db.tables.records.CollectionActionsRecord;
import org.guanjia.db.tables.records.LawyerLetterLinesRecord;
import org.guanjia.db.tables.records.LawyerLettersRecord;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;

/**
 * jOOQ access to the collection log (collection_actions) and lawyer's letters, and the few
 * master data a letter prints (owner, unit place).
 */
@Repository
public class CollectionRepository {

    private final DSLContext dsl;
    private final KpiSummaryMaintenance summaries;

    CollectionRepository(DSLContext dsl, KpiSummaryMaintenance summaries) {
        this.dsl = dsl;
        this.summaries = summaries;
    }

    /** The unit's owner as printed on letters and lists: name, phone, mailing address. */
    public record OwnerContact(String name, String phone, String mailingAddress) {
    }

    public Optional<String> clusterOfUnit(String unitCode) {
        return dsl.select(BUILDINGS.CLUSTER_CODE).from(UNITS)
                .join(BUILDINGS).on(BUILDINGS.BUILDING_CODE.eq(UNITS.BUILDING_CODE))
                .where(UNITS.UNIT_CODE.eq(unitCode))
                .fetchOptional(BUILDINGS.CLUSTER_CODE);
    }

    /** The unit's first owner (by owner code), if any. */
    public Optional<OwnerContact> owner(String unitCode) {
        return dsl.select(OWNERS.NAME, OWNERS.PHONE, OWNERS.MAILING_ADDRESS).from(OWNERS)
                .where(OWNERS.UNIT_CODE.eq(unitCode))
                .orderBy(OWNERS.OWNER_CODE).limit(1)
                .fetchOptional(Records.mapping(OwnerContact::new));
    }

    /** Each unit's first owner (by owner code): read in descending order, the last put wins. */
    public Map<String, OwnerContact> owners() {
        Map<String, OwnerContact> map = new java.util.HashMap<>();
        dsl.select(OWNERS.UNIT_CODE, OWNERS.NAME, OWNERS.PHONE, OWNERS.MAILING_ADDRESS)
                .from(OWNERS).orderBy(OWNERS.UNIT_CODE, OWNERS.OWNER_CODE.desc())
                .forEach(r -> map.put(r.value1(), new OwnerContact(r.value2(), r.value3(), r.value4())));
        return map;
    }

    /** The currency of the unit's estate (CNY by default). */
    public String currencyOfUnit(String unitCode) {
        return dsl.select(ESTATES.CURRENCY).from(UNITS)
                .join(BUILDINGS).on(BUILDINGS.BUILDING_CODE.eq(UNITS.BUILDING_CODE))
                .join(CLUSTERS).on(CLUSTERS.CLUSTER_CODE.eq(BUILDINGS.CLUSTER_CODE))
                .join(ESTATES).on(ESTATES.ESTATE_CODE.eq(CLUSTERS.ESTATE_CODE))
                .where(UNITS.UNIT_CODE.eq(unitCode))
                .fetchOptional(ESTATES.CURRENCY).orElse("CNY");
    }

    public boolean departmentExists(String code) {
        return dsl.fetchExists(DEPARTMENTS, DEPARTMENTS.DEPARTMENT_CODE.eq(code));
    }

    public boolean staffExists(String code) {
        return dsl.fetchExists(STAFF, STAFF.STAFF_CODE.eq(code));
    }

    // --- the log ----------------------------------------------------------------------------

    public String nextActionNo(int year) {
        return "CA-" + year + "-" + String.format("%06d", nextval(COLLECTION_ACTION_NO_SEQ));
    }

    public void insert(CollectionAction a) {
        CollectionActionsRecord r = dsl.newRecord(COLLECTION_ACTIONS);
        r.setActionNo(a.actionNo());
        r.setUnitCode(a.unitCode());
        r.setActionOn(a.actionOn());
        r.setStaffCode(a.staffCode());
        r.setMethod(a.method());
        r.setReason(a.reason());
        r.setPromisedOn(a.promisedOn());
        r.setNote(a.note());
        r.setOutcome(a.outcome());
        r.setFollowUpNo(a.followUpNo());
        r.insert();
        summaries.addWork(KpiWorkMonths.Kind.COLLECTION_ACTIONS, a.staffCode(), a.actionOn(), 1);
    }

    /** The unit's log, newest first (same day: the later number first). */
    public List<CollectionAction> actions(String unitCode) {
        return dsl.select(COLLECTION_ACTIONS.ACTION_NO, COLLECTION_ACTIONS.UNIT_CODE,
                        COLLECTION_ACTIONS.ACTION_ON, COLLECTION_ACTIONS.STAFF_CODE, STAFF.NAME,
                        COLLECTION_ACTIONS.METHOD, COLLECTION_ACTIONS.REASON,
                        COLLECTION_ACTIONS.PROMISED_ON, COLLECTION_ACTIONS.NOTE,
                        COLLECTION_ACTIONS.OUTCOME, COLLECTION_ACTIONS.FOLLOW_UP_NO)
                .from(COLLECTION_ACTIONS)
                .leftJoin(STAFF).on(STAFF.STAFF_CODE.eq(COLLECTION_ACTIONS.STAFF_CODE))
                .where(COLLECTION_ACTIONS.UNIT_CODE.eq(unitCode))
                .orderBy(COLLECTION_ACTIONS.ACTION_ON.desc(), COLLECTION_ACTIONS.CREATED_AT.desc(),
                        COLLECTION_ACTIONS.ACTION_NO.desc())
                .fetch(r -> new CollectionAction(r.value1(), r.value2(), r.value3(), r.value4(),
                        r.value5(), r.value6(), r.value7(), r.value8(), r.value9(), r.value10(),
                        r.value11(), null));
    }

    // --- lawyer's letters -------------------------------------------------------------------

    public String nextLetterNo(int year) {
        return "LL-" + year + "-" + String.format("%06d", nextval(LAWYER_LETTER_NO_SEQ));
    }

    public void insert(LawyerLetter l, String note) {
        LawyerLettersRecord r = dsl.newRecord(LAWYER_LETTERS);
        r.setLetterNo(l.letterNo());
        r.setUnitCode(l.unitCode());
        r.setStaffCode(l.staffCode());
        r.setSentOn(l.sentOn());
        r.setPrincipal(l.principal());
        r.setLateFee(l.lateFee());
        r.setLateFeeRate(l.rate());
        r.setLateFeeStartDays(l.startDays());
        r.setStatus(l.status());
        r.setNote(note);
        r.insert();
        for (LetterLine line : l.lines()) {
            LawyerLetterLinesRecord lr = dsl.newRecord(LAWYER_LETTER_LINES);
            lr.setLetterNo(l.letterNo());
            lr.setStatementNo(line.statementNo());
            lr.setPeriod(line.period());
            lr.setDueOn(line.dueOn());
            lr.setOutstanding(line.outstanding());
            lr.setDaysOverdue(line.daysOverdue());
            lr.setLateFeeFrom(line.lateFeeFrom());
            lr.setLateFeeDays(line.lateFeeDays());
            lr.setLateFee(line.lateFee());
            lr.insert();
        }
    }

    /** The unit's letters, newest first, each with its lines. */
    public List<LawyerLetter> letters(String unitCode) {
        return letters(LAWYER_LETTERS.UNIT_CODE.eq(unitCode));
    }

    public Optional<LawyerLetter> letter(String letterNo) {
        return letters(LAWYER_LETTERS.LETTER_NO.eq(letterNo)).stream().findFirst();
    }

    private List<LawyerLetter> letters(org.jooq.Condition c) {
        List<LawyerLettersRecord> heads = dsl.selectFrom(LAWYER_LETTERS).where(c)
                .orderBy(LAWYER_LETTERS.SENT_ON.desc(), LAWYER_LETTERS.LETTER_NO.desc()).fetch();
        if (heads.isEmpty()) {
            return List.of();
        }
        Map<String, List<LetterLine>> lines = dsl.selectFrom(LAWYER_LETTER_LINES)
                .where(LAWYER_LETTER_LINES.LETTER_NO.in(heads.stream()
                        .map(LawyerLettersRecord::getLetterNo).toList()))
                .orderBy(LAWYER_LETTER_LINES.PERIOD, LAWYER_LETTER_LINES.STATEMENT_NO)
                .fetch().stream()
                .collect(Collectors.groupingBy(LawyerLetterLinesRecord::getLetterNo,
                        Collectors.mapping(l -> new LetterLine(l.getStatementNo(), l.getPeriod(),
                                l.getDueOn(), l.getOutstanding(), l.getDaysOverdue(),
                                l.getLateFeeFrom(), l.getLateFeeDays(), l.getLateFee()),
                                Collectors.toCollection(ArrayList::new))));
        return heads.stream().map(h -> new LawyerLetter(h.getLetterNo(), h.getUnitCode(),
                h.getStaffCode(), h.getSentOn(), h.getPrincipal(), h.getLateFee(),
                h.getLateFeeRate(), h.getLateFeeStartDays(), h.getStatus(),
                lines.getOrDefault(h.getLetterNo(), List.of()))).toList();
    }

    /** The unit's latest recorded reason on or before the day, if any. */
    public Optional<String> latestReason(String unitCode, LocalDate day) {
        return dsl.select(COLLECTION_ACTIONS.REASON).from(COLLECTION_ACTIONS)
                .where(COLLECTION_ACTIONS.UNIT_CODE.eq(unitCode))
                .and(COLLECTION_ACTIONS.REASON.isNotNull())
                .and(COLLECTION_ACTIONS.ACTION_ON.le(day))
                .orderBy(COLLECTION_ACTIONS.ACTION_ON.desc(), COLLECTION_ACTIONS.CREATED_AT.desc(),
                        COLLECTION_ACTIONS.ACTION_NO.desc())
                .limit(1).fetchOptional(COLLECTION_ACTIONS.REASON);
    }

    /** The promised date of the unit's latest action with one, on or before the day. */
    public Optional<LocalDate> latestPromise(String unitCode, LocalDate day) {
        return dsl.select(COLLECTION_ACTIONS.PROMISED_ON).from(COLLECTION_ACTIONS)
                .where(COLLECTION_ACTIONS.UNIT_CODE.eq(unitCode))
                .and(COLLECTION_ACTIONS.PROMISED_ON.isNotNull())
                .and(COLLECTION_ACTIONS.ACTION_ON.le(day))
                .orderBy(COLLECTION_ACTIONS.ACTION_ON.desc(), COLLECTION_ACTIONS.CREATED_AT.desc(),
                        COLLECTION_ACTIONS.ACTION_NO.desc())
                .limit(1).fetchOptional(COLLECTION_ACTIONS.PROMISED_ON);
    }

    /** jOOQ renders nextval for DuckDB as "seq".nextval, which DuckDB does not know. */
    private long nextval(org.jooq.Sequence<Long> sequence) {
        return dsl.select(DSL.function("nextval", SQLDataType.BIGINT, DSL.inline(sequence.getName())))
                .fetchOne(0, Long.class);
    }
}

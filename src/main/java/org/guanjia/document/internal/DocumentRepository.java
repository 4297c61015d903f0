package org.guanjia.document.internal;

import static org.guanjia.db.Sequences.DOCUMENT_NO_SEQ;
import static org.guanjia.db.Tables.BUILDINGS;
import static org.guanjia.db.Tables.CLUSTERS;
import static org.guanjia.db.Tables.CUSTOMER_DOCUMENTS;
import static org.guanjia.db.Tables.DOCUMENT_DELIVERIES;
import static org.guanjia.db.Tables.OWNERS;
import static org.guanjia.db.Tables.STAFF;
import static org.guanjia.db.Tables.UNITS;
import static org.guanjia.db.Tables.UNIT_STATUS;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import org.guanjia.analytics.KpiSummaryMaintenance;
import org.guanjia.analytics.KpiWorkMonths;
import org.guanjia.base.Page;
import org.guanjia.base.RecordUpdates;
import org.guanjia.base.Scope;
import org.guanjia.db.tables.records.CustomerDocumentsRecord;
import org.guanjia.db.tables.records.DocumentDeliveriesRecord;
import org.guanjia.document.Delivery;
import org.guanjia.document.Document;
import org.guanjia.document.DocumentFilter;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;

/** jOOQ access to customer documents and their per-unit deliveries. */
@Repository
public class DocumentRepository {

    /** A unit to send to, with what decides its method. */
    public record Target(String unitCode, String clusterCode, String status, boolean keyCustomer) {
    }

    private final DSLContext dsl;
    private final KpiSummaryMaintenance summaries;

    DocumentRepository(DSLContext dsl, KpiSummaryMaintenance summaries) {
        this.dsl = dsl;
        this.summaries = summaries;
    }

    /** Numbers like DC-2025-000042. */
    public String nextNo(int year) {
        long n = dsl.select(DSL.function("nextval", SQLDataType.BIGINT, DSL.inline(DOCUMENT_NO_SEQ.getName())))
                .fetchOne(0, Long.class);
        return "DC-" + year + "-" + String.format("%06d", n);
    }

    // --- targets ------------------------------------------------------------------------------

    private static Field<String> statusOn(LocalDate day) {
        return DSL.field(DSL.select(UNIT_STATUS.STATUS).from(UNIT_STATUS)
                .where(UNIT_STATUS.UNIT_CODE.eq(UNITS.UNIT_CODE)).and(UNIT_STATUS.FROM_DATE.le(day))
                .orderBy(UNIT_STATUS.FROM_DATE.desc()).limit(1));
    }

    /** Whether the unit's current owner (latest {@code since}) is a key customer. */
    private static Field<Boolean> keyCustomer() {
        return DSL.field(DSL.select(OWNERS.KEY_CUSTOMER).from(OWNERS).where(OWNERS.UNIT_CODE.eq(UNITS.UNIT_CODE))
                .orderBy(OWNERS.SINCE.desc().nullsLast(), OWNERS.OWNER_CODE).limit(1));
    }

    /**
     * The units to send to on the day: of the cluster or building (those handed over by then),
     * or the picked ones (any).
     */
    public List<Target> targets(String clusterCode, String buildingCode, Collection<String> unitCodes, LocalDate day) {
        Condition c;
        if (clusterCode != null) {
            c = BUILDINGS.CLUSTER_CODE.eq(clusterCode).and(UNITS.DELIVERED_ON.le(day));
        } else if (buildingCode != null) {
            c = UNITS.BUILDING_CODE.eq(buildingCode).and(UNITS.DELIVERED_ON.le(day));
        } else {
            c = UNITS.UNIT_CODE.in(unitCodes);
        }
        return dsl.select(UNITS.UNIT_CODE, BUILDINGS.CLUSTER_CODE, statusOn(day), keyCustomer())
                .from(UNITS).join(BUILDINGS).on(BUILDINGS.BUILDING_CODE.eq(UNITS.BUILDING_CODE))
                .where(c).orderBy(UNITS.UNIT_CODE)
                .fetch(r -> new Target(r.value1(), r.value2(), r.value3(), Boolean.TRUE.equals(r.value4())));
    }

    public Optional<String> clusterOfBuilding(String buildingCode) {
        return dsl.select(BUILDINGS.CLUSTER_CODE).from(BUILDINGS).where(BUILDINGS.BUILDING_CODE.eq(buildingCode))
                .fetchOptional(r -> r.value1());
    }

    public boolean clusterExists(String code) {
        return dsl.fetchExists(CLUSTERS, CLUSTERS.CLUSTER_CODE.eq(code));
    }

    // --- documents ----------------------------------------------------------------------------

    /** Received: collected, or delivered by post or in person (see Delivery#isReceived). */
    private static Condition received() {
        return DOCUMENT_DELIVERIES.COLLECTED_ON.isNotNull().or(DOCUMENT_DELIVERIES.DELIVERED_ON.isNotNull()
                .and(DOCUMENT_DELIVERIES.METHOD.ne(Delivery.WITH_SECURITY)));
    }

    /** On the call list: dispatched more than {@code days} days before today, unreceived, not called. */
    private static Condition callDue(LocalDate today, int days) {
        return DOCUMENT_DELIVERIES.DISPATCHED_ON.lt(today.minusDays(days)).and(DSL.not(received()))
                .and(DOCUMENT_DELIVERIES.CALL_ON.isNull());
    }

    private static Condition documentCondition(Scope scope, DocumentFilter f) {
        Condition c = scope.all() && f.clusterCode() == null ? DSL.noCondition()
                : CUSTOMER_DOCUMENTS.DOCUMENT_NO.in(DSL.selectDistinct(DOCUMENT_DELIVERIES.DOCUMENT_NO)
                        .from(DOCUMENT_DELIVERIES)
                        .join(UNITS).on(UNITS.UNIT_CODE.eq(DOCUMENT_DELIVERIES.UNIT_CODE))
                        .join(BUILDINGS).on(BUILDINGS.BUILDING_CODE.eq(UNITS.BUILDING_CODE))
                        .where(scopeOfDelivery(scope, f.clusterCode())));
        if (f.kind() != null) {
            c = c.and(CUSTOMER_DOCUMENTS.KIND.eq(f.kind()));
        }
        if (f.text() != null && !f.text().isBlank()) {
            String t = f.text().trim();
            c = c.and(CUSTOMER_DOCUMENTS.DOCUMENT_NO.containsIgnoreCase(t).or(CUSTOMER_DOCUMENTS.TITLE.containsIgnoreCase(t)));
        }
        return c;
    }

    /** Per document of the page: copies, dispatched, received and due for a call, over the units in scope. */
    private Map<String, int[]> counts(Collection<String> nos, Scope scope, String clusterCode, LocalDate today, int days) {
        Map<String, int[]> m = new HashMap<>();
        if (nos.isEmpty()) {
            return m;
        }
        Field<Integer> dispatched = DSL.count(DOCUMENT_DELIVERIES.DISPATCHED_ON);
        Field<Integer> received = DSL.count().filterWhere(received());
        Field<Integer> due = DSL.count().filterWhere(callDue(today, days));
        dsl.select(DOCUMENT_DELIVERIES.DOCUMENT_NO, DSL.count(), dispatched, received, due)
                .from(DOCUMENT_DELIVERIES)
                .join(UNITS).on(UNITS.UNIT_CODE.eq(DOCUMENT_DELIVERIES.UNIT_CODE))
                .join(BUILDINGS).on(BUILDINGS.BUILDING_CODE.eq(UNITS.BUILDING_CODE))
                .where(DOCUMENT_DELIVERIES.DOCUMENT_NO.in(nos)).and(scopeOfDelivery(scope, clusterCode))
                .groupBy(DOCUMENT_DELIVERIES.DOCUMENT_NO)
                .forEach(r -> m.put(r.value1(), new int[] {r.value2(), r.value3(), r.value4(), r.value5()}));
        return m;
    }

    private List<Document> selectDocuments(Condition where, Scope scope, String clusterCode, LocalDate today,
            int days, Page page) {
        var rows = dsl.select(CUSTOMER_DOCUMENTS.DOCUMENT_NO, CUSTOMER_DOCUMENTS.KIND, CUSTOMER_DOCUMENTS.TITLE,
                        CUSTOMER_DOCUMENTS.ISSUED_ON, CUSTOMER_DOCUMENTS.OUTAGE_FROM, CUSTOMER_DOCUMENTS.OUTAGE_TO,
                        CUSTOMER_DOCUMENTS.NOTE)
                .from(CUSTOMER_DOCUMENTS).where(where)
                .orderBy(CUSTOMER_DOCUMENTS.ISSUED_ON.desc(), CUSTOMER_DOCUMENTS.DOCUMENT_NO.desc())
                .offset(page.offset()).limit(page.limit())
                .fetch();
        Map<String, int[]> counts = counts(rows.getValues(CUSTOMER_DOCUMENTS.DOCUMENT_NO), scope, clusterCode, today, days);
        return rows.map(r -> {
            int[] c = counts.getOrDefault(r.value1(), new int[4]);
            return new Document(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(),
                    c[0], c[1], c[2], c[3]);
        });
    }

    public List<Document> documents(Scope scope, DocumentFilter f, LocalDate today, int days, Page page) {
        return selectDocuments(documentCondition(scope, f), scope, f.clusterCode(), today, days, page);
    }

    public int countDocuments(Scope scope, DocumentFilter f) {
        return dsl.fetchCount(CUSTOMER_DOCUMENTS, documentCondition(scope, f));
    }

    /** The document with its counts over the deliveries in scope (empty if none is). */
    public Optional<Document> document(String no, Scope scope, LocalDate today, int days) {
        return selectDocuments(CUSTOMER_DOCUMENTS.DOCUMENT_NO.eq(no).and(documentCondition(scope, DocumentFilter.all())),
                scope, null, today, days, Page.first(1)).stream().findFirst();
    }

    public boolean documentExists(String no) {
        return dsl.fetchExists(CUSTOMER_DOCUMENTS, CUSTOMER_DOCUMENTS.DOCUMENT_NO.eq(no));
    }

    public void insertDocument(String no, String kind, String title, LocalDate issuedOn, LocalDateTime from,
            LocalDateTime to, String note) {
        CustomerDocumentsRecord r = dsl.newRecord(CUSTOMER_DOCUMENTS);
        r.setDocumentNo(no);
        r.setKind(kind);
        r.setTitle(title);
        r.setIssuedOn(issuedOn);
        r.setOutageFrom(from);
        r.setOutageTo(to);
        r.setNote(note);
        r.insert();
    }

    public void insertDelivery(String documentNo, String unitCode, String method) {
        DocumentDeliveriesRecord r = dsl.newRecord(DOCUMENT_DELIVERIES);
        r.setDocumentNo(documentNo);
        r.setUnitCode(unitCode);
        r.setMethod(method);
        r.insert();
    }

    // --- deliveries ---------------------------------------------------------------------------

    private static Table<?> latestOwner() {
        Field<Integer> rank = DSL.rowNumber().over(DSL.partitionBy(OWNERS.UNIT_CODE)
                .orderBy(OWNERS.SINCE.desc().nullsLast(), OWNERS.OWNER_CODE)).as("rank");
        Table<?> ranked = DSL.select(OWNERS.UNIT_CODE, OWNERS.NAME, OWNERS.PHONE, OWNERS.MAILING_ADDRESS, rank)
                .from(OWNERS).asTable("ranked_owners");
        return DSL.select(ranked.field(OWNERS.UNIT_CODE), ranked.field(OWNERS.NAME), ranked.field(OWNERS.PHONE),
                        ranked.field(OWNERS.MAILING_ADDRESS))
                .from(ranked).where(ranked.field(rank).eq(1)).asTable("owner");
    }

    private List<Delivery> selectDeliveries(Condition where, int limit) {
        Table<?> owner = latestOwner();
        return dsl.select(DOCUMENT_DELIVERIES.DOCUMENT_NO, CUSTOMER_DOCUMENTS.TITLE, CUSTOMER_DOCUMENTS.KIND,
                        DOCUMENT_DELIVERIES.UNIT_CODE, BUILDINGS.CLUSTER_CODE, owner.field(OWNERS.NAME),
                        owner.field(OWNERS.PHONE), owner.field(OWNERS.MAILING_ADDRESS), DOCUMENT_DELIVERIES.METHOD,
                        DOCUMENT_DELIVERIES.STAFF_CODE, STAFF.NAME, DOCUMENT_DELIVERIES.DISPATCHED_ON,
                        DOCUMENT_DELIVERIES.DELIVERED_ON, DOCUMENT_DELIVERIES.COLLECTED_ON, DOCUMENT_DELIVERIES.CALL_ON,
                        DOCUMENT_DELIVERIES.CALL_NOTE)
                .from(DOCUMENT_DELIVERIES)
                .join(CUSTOMER_DOCUMENTS).on(CUSTOMER_DOCUMENTS.DOCUMENT_NO.eq(DOCUMENT_DELIVERIES.DOCUMENT_NO))
                .join(UNITS).on(UNITS.UNIT_CODE.eq(DOCUMENT_DELIVERIES.UNIT_CODE))
                .join(BUILDINGS).on(BUILDINGS.BUILDING_CODE.eq(UNITS.BUILDING_CODE))
                .leftJoin(owner).on(owner.field(OWNERS.UNIT_CODE).eq(DOCUMENT_DELIVERIES.UNIT_CODE))
                .leftJoin(STAFF).on(STAFF.STAFF_CODE.eq(DOCUMENT_DELIVERIES.STAFF_CODE))
                .where(where)
                .orderBy(DOCUMENT_DELIVERIES.DISPATCHED_ON.asc().nullsLast(), DOCUMENT_DELIVERIES.DOCUMENT_NO,
                        DOCUMENT_DELIVERIES.UNIT_CODE)
                .limit(limit)
                .fetch(r -> new Delivery(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7(), r.value8(), r.value9(), r.value10(), r.value11(), r.value12(), r.value13(),
                        r.value14(), r.value15(), r.value16()));
    }

    private static Condition scopeOfDelivery(Scope scope, String clusterCode) {
        Condition c = scope.all() ? DSL.noCondition() : BUILDINGS.CLUSTER_CODE.in(scope.clusterCodes());
        return clusterCode == null ? c : c.and(BUILDINGS.CLUSTER_CODE.eq(clusterCode));
    }

    /** The document's deliveries in scope, by unit. */
    public List<Delivery> deliveries(String documentNo, Scope scope) {
        return selectDeliveries(DOCUMENT_DELIVERIES.DOCUMENT_NO.eq(documentNo).and(scopeOfDelivery(scope, null)),
                100_000).stream().sorted(java.util.Comparator.comparing(Delivery::unitCode)).toList();
    }

    public Optional<Delivery> delivery(String documentNo, String unitCode) {
        return selectDeliveries(DOCUMENT_DELIVERIES.DOCUMENT_NO.eq(documentNo)
                .and(DOCUMENT_DELIVERIES.UNIT_CODE.eq(unitCode)), 1).stream().findFirst();
    }

    /** The call list: oldest dispatch first. */
    public List<Delivery> callList(Scope scope, String clusterCode, LocalDate today, int days) {
        return selectDeliveries(callDue(today, days).and(scopeOfDelivery(scope, clusterCode)), 10_000);
    }

    public int countCallList(Scope scope, String clusterCode, LocalDate today, int days) {
        return dsl.fetchCount(DSL.selectOne().from(DOCUMENT_DELIVERIES)
                .join(UNITS).on(UNITS.UNIT_CODE.eq(DOCUMENT_DELIVERIES.UNIT_CODE))
                .join(BUILDINGS).on(BUILDINGS.BUILDING_CODE.eq(UNITS.BUILDING_CODE))
                .where(callDue(today, days)).and(scopeOfDelivery(scope, clusterCode)));
    }

    /** Sets the given dates (null = leave) and staff of a delivery. */
    public void update(String documentNo, String unitCode, LocalDate dispatched, String staffCode, LocalDate delivered,
            LocalDate collected, LocalDate callOn, String callNote) {
        DocumentDeliveriesRecord r = dsl.fetchSingle(DOCUMENT_DELIVERIES,
                DOCUMENT_DELIVERIES.DOCUMENT_NO.eq(documentNo).and(DOCUMENT_DELIVERIES.UNIT_CODE.eq(unitCode)));
        String staffBefore = r.getStaffCode();
        LocalDate deliveredBefore = r.getDeliveredOn();
        if (dispatched != null) {
            r.setDispatchedOn(dispatched);
            if (staffCode != null) {
                r.setStaffCode(staffCode);
            }
        }
        if (delivered != null) {
            r.setDeliveredOn(delivered);
        }
        if (collected != null) {
            r.setCollectedOn(collected);
        }
        if (callOn != null) {
            r.setCallOn(callOn);
            r.setCallNote(callNote);
        }
        RecordUpdates.update(r, "unitCode");
        // a delivery counts for its staff member on the day it was delivered
        summaries.moveWork(KpiWorkMonths.Kind.DOCUMENTS_DELIVERED, staffBefore, deliveredBefore, r.getStaffCode(),
                r.getDeliveredOn());
    }

    public boolean staffExists(String staffCode) {
        return dsl.fetchExists(STAFF, STAFF.STAFF_CODE.eq(staffCode));
    }
}

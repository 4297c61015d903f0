package org.guanjia.estate.internal;

import static org.guanjia.db.Tables.BUILDINGS;
import static org.guanjia.db.Tables.CLUSTERS;
import static org.guanjia.db.Tables.ESTATES;
import static org.guanjia.db.Tables.OWNERS;
import static org.guanjia.db.Tables.UNITS;
import static org.guanjia.db.Tables.UNIT_STATUS;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.guanjia.base.Page;
import org.guanjia.base.RecordUpdates;
import org.guanjia.base.Scope;
import org.guanjia.base.Sort;
import org.guanjia.db.tables.records.BuildingsRecord;
import org.guanjia.db.tables.records.ClustersRecord;
import org.guanjia.db.tables.records.EstatesRecord;
import org.guanjia.db.tables.records.OwnersRecord;
import org.guanjia.db.tables.records.UnitStatusRecord;
import org.guanjia.db.tables.records.UnitsRecord;
import org.guanjia.estate.Building;
import org.guanjia.estate.Cluster;
import org.guanjia.estate.Estate;
import org.guanjia.estate.EstateSummary;
import org.guanjia.estate.Owner;
import org.guanjia.estate.Unit;
import org.guanjia.estate.UnitFilter;
import org.guanjia.estate.UnitRow;
import org.guanjia.estate.UnitStatus;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.OrderField;
import org.jooq.Records;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** jOOQ access to estates, clusters, buildings, units, their status history and owners. */
@Repository
public class EstateRepository {

    private static final Map<String, Field<?>> UNIT_SORT = Map.of(
            "code", UNITS.UNIT_CODE, "buildingCode", UNITS.BUILDING_CODE,
            "floor", UNITS.FLOOR, "room", UNITS.ROOM, "areaSqm", UNITS.AREA_SQM,
            "deliveredOn", UNITS.DELIVERED_ON, "clusterCode", BUILDINGS.CLUSTER_CODE);

    private final DSLContext dsl;

    EstateRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    // --- estates, clusters, buildings -------------------------------------------------------

    public List<Estate> estates() {
        return dsl.select(ESTATES.ESTATE_CODE, ESTATES.NAME, ESTATES.CITY, ESTATES.TIMEZONE,
                        ESTATES.CURRENCY)
                .from(ESTATES).orderBy(ESTATES.ESTATE_CODE)
                .fetch(Records.mapping(Estate::new));
    }

    public Optional<Estate> estate(String code) {
        return dsl.select(ESTATES.ESTATE_CODE, ESTATES.NAME, ESTATES.CITY, ESTATES.TIMEZONE,
                        ESTATES.CURRENCY)
                .from(ESTATES).where(ESTATES.ESTATE_CODE.eq(code))
                .fetchOptional(Records.mapping(Estate::new));
    }

    public void insert(Estate e) {
        EstatesRecord r = dsl.newRecord(ESTATES);
        fill(r, e);
        r.insert();
    }

    public void update(Estate e) {
        EstatesRecord r = dsl.fetchSingle(ESTATES, ESTATES.ESTATE_CODE.eq(e.code()));
        fill(r, e);
        RecordUpdates.update(r, "code");
    }

    private static void fill(EstatesRecord r, Estate e) {
        r.setEstateCode(e.code());
        r.setName(e.name());
        r.setCity(e.city());
        r.setTimezone(e.timezone());
        r.setCurrency(e.currency());
    }

    public List<Cluster> clusters(Scope scope) {
        return dsl.select(CLUSTERS.CLUSTER_CODE, CLUSTERS.ESTATE_CODE, CLUSTERS.NAME)
                .from(CLUSTERS).where(inScope(scope, CLUSTERS.CLUSTER_CODE))
                .orderBy(CLUSTERS.CLUSTER_CODE)
                .fetch(Records.mapping(Cluster::new));
    }

    public Optional<Cluster> cluster(String code) {
        return dsl.select(CLUSTERS.CLUSTER_CODE, CLUSTERS.ESTATE_CODE, CLUSTERS.NAME)
                .from(CLUSTERS).where(CLUSTERS.CLUSTER_CODE.eq(code))
                .fetchOptional(Records.mapping(Cluster::new));
    }

    public void insert(Cluster c) {
        ClustersRecord r = dsl.newRecord(CLUSTERS);
        r.setClusterCode(c.code());
        r.setEstateCode(c.estateCode());
        r.setName(c.name());
        r.insert();
    }

    public void update(Cluster c) {
        ClustersRecord r = dsl.fetchSingle(CLUSTERS, CLUSTERS.CLUSTER_CODE.eq(c.code()));
        r.setEstateCode(c.estateCode());
        r.setName(c.name());
        RecordUpdates.update(r, "estateCode");
    }

    public List<Building> buildings(Scope scope, String clusterCode) {
        Condition c = inScope(scope, BUILDINGS.CLUSTER_CODE);
        if (clusterCode != null) {
            c = c.and(BUILDINGS.CLUSTER_CODE.eq(clusterCode));
        }
        return dsl.select(BUILDINGS.BUILDING_CODE, BUILDINGS.CLUSTER_CODE, BUILDINGS.NAME,
                        BUILDINGS.FLOORS)
                .from(BUILDINGS).where(c).orderBy(BUILDINGS.BUILDING_CODE)
                .fetch(Records.mapping(Building::new));
    }

    private static Condition buildingCondition(Scope scope, String clusterCode, String text) {
        Condition c = inScope(scope, BUILDINGS.CLUSTER_CODE);
        if (clusterCode != null) {
            c = c.and(BUILDINGS.CLUSTER_CODE.eq(clusterCode));
        }
        if (text != null && !text.isBlank()) {
            c = c.and(BUILDINGS.BUILDING_CODE.containsIgnoreCase(text.trim())
                    .or(BUILDINGS.NAME.containsIgnoreCase(text.trim())));
        }
        return c;
    }

    public List<Building> buildings(Scope scope, String clusterCode, String text, Page page) {
        return dsl.select(BUILDINGS.BUILDING_CODE, BUILDINGS.CLUSTER_CODE, BUILDINGS.NAME,
                        BUILDINGS.FLOORS)
                .from(BUILDINGS).where(buildingCondition(scope, clusterCode, text))
                .orderBy(BUILDINGS.BUILDING_CODE)
                .offset(page.offset()).limit(page.limit())
                .fetch(Records.mapping(Building::new));
    }

    public int countBuildings(Scope scope, String clusterCode, String text) {
        return dsl.fetchCount(BUILDINGS, buildingCondition(scope, clusterCode, text));
    }

    public Optional<Building> building(String code) {
        return dsl.select(BUILDINGS.BUILDING_CODE, BUILDINGS.CLUSTER_CODE, BUILDINGS.NAME,
                        BUILDINGS.FLOORS)
                .from(BUILDINGS).where(BUILDINGS.BUILDING_CODE.eq(code))
                .fetchOptional(Records.mapping(Building::new));
    }

    public void insert(Building b) {
        BuildingsRecord r = dsl.newRecord(BUILDINGS);
        r.setBuildingCode(b.code());
        fill(r, b);
        r.insert();
    }

    public void update(Building b) {
        BuildingsRecord r = dsl.fetchSingle(BUILDINGS, BUILDINGS.BUILDING_CODE.eq(b.code()));
        fill(r, b);
        RecordUpdates.update(r, "clusterCode");
    }

    private static void fill(BuildingsRecord r, Building b) {
        r.setClusterCode(b.clusterCode());
        r.setName(b.name());
        r.setFloors(b.floors());
    }

    // --- units ------------------------------------------------------------------------------

    /** The status of each unit on {@code day}: latest row on or before it, else vacant if delivered. */
    static Field<String> statusOn(LocalDate day) {
        Field<String> latest = DSL.field(DSL.select(UNIT_STATUS.STATUS).from(UNIT_STATUS)
                .where(UNIT_STATUS.UNIT_CODE.eq(UNITS.UNIT_CODE))
                .and(UNIT_STATUS.FROM_DATE.le(day))
                .orderBy(UNIT_STATUS.FROM_DATE.desc()).limit(1));
        return DSL.when(UNITS.DELIVERED_ON.le(day), DSL.coalesce(latest, DSL.inline("vacant")));
    }

    private Condition unitCondition(Scope scope, UnitFilter f, Field<String> status) {
        Condition c = inScope(scope, BUILDINGS.CLUSTER_CODE);
        if (f.estateCode() != null) {
            c = c.and(CLUSTERS.ESTATE_CODE.eq(f.estateCode()));
        }
        if (f.clusterCode() != null) {
            c = c.and(BUILDINGS.CLUSTER_CODE.eq(f.clusterCode()));
        }
        if (f.buildingCode() != null) {
            c = c.and(UNITS.BUILDING_CODE.eq(f.buildingCode()));
        }
        if (f.status() != null) {
            c = c.and(status.eq(f.status()));
        }
        if (f.text() != null && !f.text().isBlank()) {
            String t = f.text().trim();
            c = c.and(UNITS.UNIT_CODE.containsIgnoreCase(t)
                    .or(UNITS.ROOM.containsIgnoreCase(t))
                    .or(DSL.exists(DSL.selectOne().from(OWNERS)
                            .where(OWNERS.UNIT_CODE.eq(UNITS.UNIT_CODE))
                            .and(OWNERS.NAME.containsIgnoreCase(t)))));
        }
        return c;
    }

    public List<UnitRow> units(Scope scope, UnitFilter f, LocalDate today, Page page, List<Sort> sort) {
        Field<String> status = statusOn(today);
        Field<String> owner = DSL.field(DSL.select(DSL.min(OWNERS.NAME)).from(OWNERS)
                .where(OWNERS.UNIT_CODE.eq(UNITS.UNIT_CODE)));
        return dsl.select(UNITS.UNIT_CODE, UNITS.BUILDING_CODE, BUILDINGS.CLUSTER_CODE,
                        CLUSTERS.ESTATE_CODE, UNITS.FLOOR, UNITS.ROOM, UNITS.AREA_SQM,
                        UNITS.UNIT_TYPE, UNITS.DELIVERED_ON, status, owner)
                .from(UNITS)
                .join(BUILDINGS).on(BUILDINGS.BUILDING_CODE.eq(UNITS.BUILDING_CODE))
                .join(CLUSTERS).on(CLUSTERS.CLUSTER_CODE.eq(BUILDINGS.CLUSTER_CODE))
                .where(unitCondition(scope, f, status))
                .orderBy(order(sort, UNIT_SORT, UNITS.UNIT_CODE))
                .offset(page.offset()).limit(page.limit())
                .fetch(Records.mapping(UnitRow::new));
    }

    public int countUnits(Scope scope, UnitFilter f, LocalDate today) {
        Field<String> status = statusOn(today);
        return dsl.fetchCount(dsl.selectOne().from(UNITS)
                .join(BUILDINGS).on(BUILDINGS.BUILDING_CODE.eq(UNITS.BUILDING_CODE))
                .join(CLUSTERS).on(CLUSTERS.CLUSTER_CODE.eq(BUILDINGS.CLUSTER_CODE))
                .where(unitCondition(scope, f, status)));
    }

    public Optional<Unit> unit(String code) {
        return dsl.select(UNITS.UNIT_CODE, UNITS.BUILDING_CODE, UNITS.FLOOR, UNITS.ROOM,
                        UNITS.AREA_SQM, UNITS.UNIT_TYPE, UNITS.DELIVERED_ON)
                .from(UNITS).where(UNITS.UNIT_CODE.eq(code))
                .fetchOptional(Records.mapping(Unit::new));
    }

    /** The cluster of a unit, for scope checks. */
    public Optional<String> clusterOfUnit(String unitCode) {
        return dsl.select(BUILDINGS.CLUSTER_CODE).from(UNITS)
                .join(BUILDINGS).on(BUILDINGS.BUILDING_CODE.eq(UNITS.BUILDING_CODE))
                .where(UNITS.UNIT_CODE.eq(unitCode))
                .fetchOptional(BUILDINGS.CLUSTER_CODE);
    }

    public void insert(Unit u) {
        UnitsRecord r = dsl.newRecord(UNITS);
        r.setUnitCode(u.code());
        fill(r, u);
        r.insert();
    }

    public void update(Unit u) {
        UnitsRecord r = dsl.fetchSingle(UNITS, UNITS.UNIT_CODE.eq(u.code()));
        fill(r, u);
        RecordUpdates.update(r, "buildingCode");
    }

    private static void fill(UnitsRecord r, Unit u) {
        r.setBuildingCode(u.buildingCode());
        r.setFloor(u.floor());
        r.setRoom(u.room());
        r.setAreaSqm(u.areaSqm());
        r.setUnitType(u.unitType() == null ? "residential" : u.unitType());
        r.setDeliveredOn(u.deliveredOn());
    }

    public List<UnitStatus> statusHistory(String unitCode) {
        return dsl.select(UNIT_STATUS.UNIT_CODE, UNIT_STATUS.FROM_DATE, UNIT_STATUS.STATUS,
                        UNIT_STATUS.NOTE)
                .from(UNIT_STATUS).where(UNIT_STATUS.UNIT_CODE.eq(unitCode))
                .orderBy(UNIT_STATUS.FROM_DATE.desc())
                .fetch(Records.mapping(UnitStatus::new));
    }

    public boolean statusExists(String unitCode, LocalDate fromDate) {
        return dsl.fetchExists(UNIT_STATUS, UNIT_STATUS.UNIT_CODE.eq(unitCode)
                .and(UNIT_STATUS.FROM_DATE.eq(fromDate)));
    }

    public void upsert(UnitStatus s) {
        UnitStatusRecord r = dsl.fetchOne(UNIT_STATUS, UNIT_STATUS.UNIT_CODE.eq(s.unitCode())
                .and(UNIT_STATUS.FROM_DATE.eq(s.fromDate())));
        if (r == null) {
            r = dsl.newRecord(UNIT_STATUS);
            r.setUnitCode(s.unitCode());
            r.setFromDate(s.fromDate());
            r.setStatus(s.status());
            r.setNote(s.note());
            r.insert();
        } else {
            r.setStatus(s.status());
            r.setNote(s.note());
            RecordUpdates.update(r, "status");
        }
    }

    // --- owners -----------------------------------------------------------------------------

    /** Owners in scope; {@code byPhone} lets the text match phone numbers (not for masked roles). */
    public List<Owner> owners(Scope scope, UnitFilter f, boolean byPhone, Page page) {
        return dsl.select(OWNERS.OWNER_CODE, OWNERS.UNIT_CODE, OWNERS.NAME, OWNERS.PHONE,
                        OWNERS.KEY_CUSTOMER, OWNERS.STRONG_OPINION, OWNERS.MAILING_ADDRESS,
                        OWNERS.AUTO_DEBIT, OWNERS.SINCE)
                .from(OWNERS)
                .join(UNITS).on(UNITS.UNIT_CODE.eq(OWNERS.UNIT_CODE))
                .join(BUILDINGS).on(BUILDINGS.BUILDING_CODE.eq(UNITS.BUILDING_CODE))
                .join(CLUSTERS).on(CLUSTERS.CLUSTER_CODE.eq(BUILDINGS.CLUSTER_CODE))
                .where(ownerCondition(scope, f, byPhone))
                .orderBy(OWNERS.OWNER_CODE)
                .offset(page.offset()).limit(page.limit())
                .fetch(Records.mapping(Owner::new));
    }

    public int countOwners(Scope scope, UnitFilter f, boolean byPhone) {
        return dsl.fetchCount(dsl.selectOne().from(OWNERS)
                .join(UNITS).on(UNITS.UNIT_CODE.eq(OWNERS.UNIT_CODE))
                .join(BUILDINGS).on(BUILDINGS.BUILDING_CODE.eq(UNITS.BUILDING_CODE))
                .join(CLUSTERS).on(CLUSTERS.CLUSTER_CODE.eq(BUILDINGS.CLUSTER_CODE))
                .where(ownerCondition(scope, f, byPhone)));
    }

    private static Condition ownerCondition(Scope scope, UnitFilter f, boolean byPhone) {
        Condition c = inScope(scope, BUILDINGS.CLUSTER_CODE);
        if (f.estateCode() != null) {
            c = c.and(CLUSTERS.ESTATE_CODE.eq(f.estateCode()));
        }
        if (f.clusterCode() != null) {
            c = c.and(BUILDINGS.CLUSTER_CODE.eq(f.clusterCode()));
        }
        if (f.buildingCode() != null) {
            c = c.and(UNITS.BUILDING_CODE.eq(f.buildingCode()));
        }
        if (f.text() != null && !f.text().isBlank()) {
            String t = f.text().trim();
            Condition text = OWNERS.NAME.containsIgnoreCase(t)
                    .or(OWNERS.OWNER_CODE.containsIgnoreCase(t))
                    .or(OWNERS.UNIT_CODE.containsIgnoreCase(t));
            c = c.and(byPhone ? text.or(OWNERS.PHONE.contains(t)) : text);
        }
        return c;
    }

    public Optional<Owner> owner(String code) {
        return dsl.select(OWNERS.OWNER_CODE, OWNERS.UNIT_CODE, OWNERS.NAME, OWNERS.PHONE,
                        OWNERS.KEY_CUSTOMER, OWNERS.STRONG_OPINION, OWNERS.MAILING_ADDRESS,
                        OWNERS.AUTO_DEBIT, OWNERS.SINCE)
                .from(OWNERS).where(OWNERS.OWNER_CODE.eq(code))
                .fetchOptional(Records.mapping(Owner::new));
    }

    public List<Owner> ownersOfUnit(String unitCode) {
        return dsl.select(OWNERS.OWNER_CODE, OWNERS.UNIT_CODE, OWNERS.NAME, OWNERS.PHONE,
                        OWNERS.KEY_CUSTOMER, OWNERS.STRONG_OPINION, OWNERS.MAILING_ADDRESS,
                        OWNERS.AUTO_DEBIT, OWNERS.SINCE)
                .from(OWNERS).where(OWNERS.UNIT_CODE.eq(unitCode)).orderBy(OWNERS.OWNER_CODE)
                .fetch(Records.mapping(Owner::new));
    }

    public void insert(Owner o) {
        OwnersRecord r = dsl.newRecord(OWNERS);
        r.setOwnerCode(o.code());
        fill(r, o);
        r.insert();
    }

    public void update(Owner o) {
        OwnersRecord r = dsl.fetchSingle(OWNERS, OWNERS.OWNER_CODE.eq(o.code()));
        fill(r, o);
        RecordUpdates.update(r, "unitCode");
    }

    private static void fill(OwnersRecord r, Owner o) {
        r.setUnitCode(o.unitCode());
        r.setName(o.name());
        r.setPhone(o.phone());
        r.setKeyCustomer(o.keyCustomer());
        r.setStrongOpinion(o.strongOpinion());
        r.setMailingAddress(o.mailingAddress());
        r.setAutoDebit(o.autoDebit());
        r.setSince(o.since());
    }

    // --- summary ----------------------------------------------------------------------------

    public List<EstateSummary> summary(Scope scope, LocalDate today) {
        Field<String> status = statusOn(today);
        var u = dsl.select(CLUSTERS.ESTATE_CODE.as("estate_code"),
                        BUILDINGS.CLUSTER_CODE.as("cluster_code"),
                        UNITS.BUILDING_CODE.as("building_code"),
                        UNITS.UNIT_CODE.as("unit_code"), status.as("status"))
                .from(UNITS)
                .join(BUILDINGS).on(BUILDINGS.BUILDING_CODE.eq(UNITS.BUILDING_CODE))
                .join(CLUSTERS).on(CLUSTERS.CLUSTER_CODE.eq(BUILDINGS.CLUSTER_CODE))
                .where(inScope(scope, BUILDINGS.CLUSTER_CODE))
                .asTable("u");
        Field<String> st = u.field("status", String.class);
        return dsl.select(ESTATES.ESTATE_CODE, ESTATES.NAME,
                        DSL.countDistinct(u.field("cluster_code")),
                        DSL.countDistinct(u.field("building_code")),
                        DSL.count(u.field("unit_code")),
                        DSL.count(st),
                        DSL.count().filterWhere(st.eq("occupied")),
                        DSL.count().filterWhere(st.eq("vacant")),
                        DSL.count().filterWhere(st.eq("decorating")))
                .from(ESTATES)
                .join(u).on(u.field("estate_code", String.class).eq(ESTATES.ESTATE_CODE))
                .groupBy(ESTATES.ESTATE_CODE, ESTATES.NAME)
                .orderBy(ESTATES.ESTATE_CODE)
                .fetch(Records.mapping(EstateSummary::new));
    }

    static Condition inScope(Scope scope, Field<String> clusterCode) {
        return scope.all() ? DSL.noCondition() : clusterCode.in(scope.clusterCodes());
    }

    static List<OrderField<?>> order(List<Sort> sort, Map<String, Field<?>> fields, Field<?> tieBreak) {
        List<OrderField<?>> order = new java.util.ArrayList<>();
        if (sort != null) {
            for (Sort s : sort) {
                Field<?> f = fields.get(s.property());
                if (f != null) {
                    order.add(s.ascending() ? f.asc() : f.desc());
                }
            }
        }
        order.add(tieBreak.asc());
        return order;
    }
}

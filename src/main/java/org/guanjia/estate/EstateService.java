package org.guanjia.estate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.guanjia.analytics.KpiSummaryMaintenance;
import org.guanjia.audit.AuditService;
import org.guanjia.base.CurrentUser;
import org.guanjia.base.Page;
import org.guanjia.base.PhoneMask;
import org.guanjia.base.Role;
import org.guanjia.base.Scope;
import org.guanjia.base.Sort;
import org.guanjia.base.ValidationException;
import org.guanjia.base.Validator;
import org.guanjia.estate.internal.EstateRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Master data of the estate hierarchy (F1): estates, clusters, buildings, units with their
 * status history, and owners. Reads are limited to the user's clusters; only ADMIN and
 * MANAGER change the hierarchy, SERVICE_DESK may also keep owners and unit status.
 */
@Service
@Transactional(readOnly = true)
public class EstateService {

    private static final Role[] EDITORS = {Role.ADMIN, Role.MANAGER};
    private static final Role[] OWNER_EDITORS = {Role.ADMIN, Role.MANAGER, Role.SERVICE_DESK};

    private final EstateRepository repo;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final KpiSummaryMaintenance summaries;

    public EstateService(EstateRepository repo, AuditService audit, CurrentUser currentUser,
            Clock clock, KpiSummaryMaintenance summaries) {
        this.repo = repo;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
        this.summaries = summaries;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    // --- estates ----------------------------------------------------------------------------

    public List<Estate> estates() {
        Scope scope = currentUser.scope();
        if (scope.all()) {
            return repo.estates();
        }
        List<String> visible = repo.clusters(scope).stream().map(Cluster::estateCode).toList();
        return repo.estates().stream().filter(e -> visible.contains(e.code())).toList();
    }

    public Optional<Estate> estate(String code) {
        return estates().stream().filter(e -> e.code().equals(code)).findFirst();
    }

    @Transactional
    public Estate saveEstate(Estate e, boolean isNew) {
        currentUser.require(EDITORS);
        Validator v = new Validator()
                .required("code", e.code()).maxLength("code", e.code(), 32)
                .required("name", e.name()).maxLength("name", e.name(), 200)
                .maxLength("city", e.city(), 100);
        if (e.timezone() != null && !e.timezone().isBlank()) {
            v.check(ZoneId.getAvailableZoneIds().contains(e.timezone()), "timezone",
                    "validation.timezone");
        }
        if (e.currency() != null && !e.currency().isBlank()) {
            v.check(isCurrency(e.currency()), "currency", "validation.currency");
        }
        checkKey(v, isNew, e.code(), repo.estate(trim(e.code())).isPresent());
        v.throwIfAny();
        Estate clean = new Estate(trim(e.code()), e.name().trim(), blankToNull(e.city()),
                orDefault(e.timezone(), "Asia/Shanghai"), orDefault(e.currency(), "CNY"));
        if (isNew) {
            repo.insert(clean);
        } else {
            repo.update(clean);
        }
        audit.record(isNew ? "create" : "update", "estate", clean.code(), clean.toString());
        return clean;
    }

    // --- clusters ---------------------------------------------------------------------------

    public List<Cluster> clusters() {
        return repo.clusters(currentUser.scope());
    }

    @Transactional
    public Cluster saveCluster(Cluster c, boolean isNew) {
        currentUser.require(EDITORS);
        Validator v = new Validator()
                .required("code", c.code()).maxLength("code", c.code(), 32)
                .required("estateCode", c.estateCode())
                .required("name", c.name()).maxLength("name", c.name(), 200);
        if (c.estateCode() != null) {
            v.check(repo.estate(c.estateCode()).isPresent(), "estateCode", "validation.unknown",
                    c.estateCode());
        }
        checkKey(v, isNew, c.code(), repo.cluster(trim(c.code())).isPresent());
        v.throwIfAny();
        Cluster clean = new Cluster(trim(c.code()), c.estateCode(), c.name().trim());
        if (isNew) {
            repo.insert(clean);
        } else {
            repo.update(clean);
        }
        audit.record(isNew ? "create" : "update", "cluster", clean.code(), clean.toString());
        return clean;
    }

    // --- buildings --------------------------------------------------------------------------

    /** Buildings in scope, optionally of one cluster. */
    public List<Building> buildings(String clusterCode) {
        return repo.buildings(currentUser.scope(), clusterCode);
    }

    /** A page of the buildings in scope, filtered by cluster and by text in code or name. */
    public List<Building> buildings(String clusterCode, String text, Page page) {
        return repo.buildings(currentUser.scope(), clusterCode, text, page);
    }

    public int countBuildings(String clusterCode, String text) {
        return repo.countBuildings(currentUser.scope(), clusterCode, text);
    }

    @Transactional
    public Building saveBuilding(Building b, boolean isNew) {
        currentUser.require(EDITORS);
        Validator v = new Validator()
                .required("code", b.code()).maxLength("code", b.code(), 32)
                .required("clusterCode", b.clusterCode())
                .required("name", b.name()).maxLength("name", b.name(), 200)
                .range("floors", b.floors(), 1, 200);
        if (b.clusterCode() != null) {
            v.check(repo.cluster(b.clusterCode()).isPresent(), "clusterCode", "validation.unknown",
                    b.clusterCode());
        }
        checkKey(v, isNew, b.code(), repo.building(trim(b.code())).isPresent());
        v.throwIfAny();
        Building clean = new Building(trim(b.code()), b.clusterCode(), b.name().trim(), b.floors());
        if (isNew) {
            repo.insert(clean);
        } else {
            repo.update(clean);
        }
        audit.record(isNew ? "create" : "update", "building", clean.code(), clean.toString());
        return clean;
    }

    // --- units ------------------------------------------------------------------------------

    public List<UnitRow> units(UnitFilter filter, Page page, List<Sort> sort) {
        return repo.units(currentUser.scope(), filter, today(), page, sort);
    }

    public int countUnits(UnitFilter filter) {
        return repo.countUnits(currentUser.scope(), filter, today());
    }

    public Optional<Unit> unit(String code) {
        return repo.unit(code).filter(u -> currentUser.scope().allows(
                repo.clusterOfUnit(code).orElse(null)));
    }

    /**
     * Creates or changes a unit; a new unit may come with its first status row, written in the
     * same transaction (both or neither).
     */
    @Transactional
    public Unit saveUnit(Unit u, boolean isNew, UnitStatus initialStatus) {
        currentUser.require(EDITORS);
        Validator v = new Validator()
                .required("code", u.code()).maxLength("code", u.code(), 32)
                .required("buildingCode", u.buildingCode())
                .required("areaSqm", u.areaSqm()).positive("areaSqm", u.areaSqm())
                .scale("areaSqm", u.areaSqm(), 2)
                // DECIMAL(10,2): a larger area failed in the database instead of on the field
                .within("areaSqm", u.areaSqm(), new BigDecimal("0.01"), new BigDecimal("99999999.99"))
                .range("floor", u.floor(), -10, 200)
                .maxLength("room", u.room(), 32);
        if (u.unitType() != null) {
            v.check(Unit.TYPES.contains(u.unitType()), "unitType", "validation.oneOf", Unit.TYPES);
        }
        if (u.buildingCode() != null) {
            v.check(repo.building(u.buildingCode()).isPresent(), "buildingCode",
                    "validation.unknown", u.buildingCode());
        }
        checkKey(v, isNew, u.code(), repo.unit(trim(u.code())).isPresent());
        v.throwIfAny();
        Unit clean = new Unit(trim(u.code()), u.buildingCode(), u.floor(), blankToNull(u.room()),
                u.areaSqm(), u.unitType() == null ? "residential" : u.unitType(), u.deliveredOn());
        // the vacancy summaries change with a new unit, a status, another delivery day or
        // building (and then those of the building it leaves as well)
        Optional<Unit> before = isNew ? Optional.empty() : repo.unit(clean.code());
        List<String> formerBuilding = before.map(Unit::buildingCode)
                .filter(b -> !b.equals(clean.buildingCode())).stream().toList();
        boolean vacancyChanges = initialStatus != null || before.map(b -> !formerBuilding.isEmpty()
                || !Objects.equals(b.deliveredOn(), clean.deliveredOn())).orElse(true);
        if (isNew) {
            repo.insert(clean);
        } else {
            repo.update(clean);
        }
        audit.record(isNew ? "create" : "update", "unit", clean.code(), clean.toString());
        if (initialStatus != null) {
            writeStatus(new UnitStatus(clean.code(), initialStatus.fromDate(),
                    initialStatus.status(), initialStatus.note()));
        }
        if (vacancyChanges) {
            summaries.refreshVacancy(List.of(clean.code()), formerBuilding);
        }
        return clean;
    }

    public List<UnitStatus> statusHistory(String unitCode) {
        requireUnitInScope(unitCode);
        return repo.statusHistory(unitCode);
    }

    /** Adds a status row, or replaces the one of the same unit and day. */
    @Transactional
    public void saveStatus(UnitStatus s) {
        currentUser.require(OWNER_EDITORS);
        requireUnitInScope(s.unitCode());
        writeStatus(s);
        summaries.refreshVacancy(List.of(s.unitCode()), List.of());
    }

    private void writeStatus(UnitStatus s) {
        new Validator()
                .required("fromDate", s.fromDate())
                .required("status", s.status())
                .check(s.status() == null || UnitStatus.STATUSES.contains(s.status()), "status",
                        "validation.oneOf", UnitStatus.STATUSES)
                .maxLength("note", s.note(), 1000)
                .throwIfAny();
        repo.upsert(s);
        audit.record("update", "unit_status", s.unitCode() + "@" + s.fromDate(), s.status());
    }

    // --- owners -----------------------------------------------------------------------------

    /**
     * Owners in the user's clusters; phones masked for roles that do not call owners (and the
     * search text then does not match phone numbers, or digits typed would reveal them).
     */
    public List<Owner> owners(UnitFilter filter, Page page) {
        boolean phones = currentUser.seesPhones();
        return repo.owners(currentUser.scope(), filter, phones, page).stream().map(this::visible).toList();
    }

    public int countOwners(UnitFilter filter) {
        return repo.countOwners(currentUser.scope(), filter, currentUser.seesPhones());
    }

    private Owner visible(Owner o) {
        String phone = currentUser.phone(o.phone());
        return Objects.equals(phone, o.phone()) ? o : new Owner(o.code(), o.unitCode(), o.name(),
                phone, o.keyCustomer(), o.strongOpinion(), o.mailingAddress(), o.autoDebit(), o.since());
    }

    @Transactional
    public Owner saveOwner(Owner o, boolean isNew) {
        currentUser.require(OWNER_EDITORS);
        if (!isNew && o.code() != null) {
            // a masked role's form shows 138****5678: saving it back keeps the stored number
            Optional<Owner> stored = repo.owner(o.code().trim());
            if (stored.isPresent() && PhoneMask.isMaskOf(o.phone(), stored.get().phone())) {
                o = new Owner(o.code(), o.unitCode(), o.name(), stored.get().phone(), o.keyCustomer(),
                        o.strongOpinion(), o.mailingAddress(), o.autoDebit(), o.since());
            }
        }
        Validator v = new Validator()
                .required("code", o.code()).maxLength("code", o.code(), 32)
                .required("unitCode", o.unitCode())
                .required("name", o.name()).maxLength("name", o.name(), 200)
                .maxLength("phone", o.phone(), 32)
                .maxLength("mailingAddress", o.mailingAddress(), 500);
        if (o.phone() != null && !o.phone().isBlank()) {
            v.check(o.phone().matches("[0-9+\\- ()]{3,32}"), "phone", "validation.phone");
        }
        if (o.unitCode() != null) {
            v.check(repo.unit(o.unitCode()).isPresent(), "unitCode", "validation.unknown",
                    o.unitCode());
        }
        checkKey(v, isNew, o.code(), repo.owner(trim(o.code())).isPresent());
        v.throwIfAny();
        requireUnitInScope(o.unitCode());
        Owner clean = new Owner(trim(o.code()), o.unitCode(), o.name().trim(), blankToNull(o.phone()),
                o.keyCustomer(), o.strongOpinion(), blankToNull(o.mailingAddress()), o.autoDebit(),
                o.since());
        if (isNew) {
            repo.insert(clean);
        } else {
            repo.update(clean);
        }
        // the owner's name and phone are personal data: the log keeps only the key
        audit.record(isNew ? "create" : "update", "owner", clean.code(), "unit=" + clean.unitCode());
        return clean;
    }

    /**
     * The rulebook's flags on every owner of a unit: key customer (重點客戶) and strong opinions
     * (意見較大). The butler who knows the owners sets them, e.g. while recording a visit; a null
     * flag is left as it is. Returns true when an owner changed.
     */
    @Transactional
    public boolean setOwnerFlags(String unitCode, Boolean keyCustomer, Boolean strongOpinion) {
        currentUser.require(Role.ADMIN, Role.MANAGER, Role.SUPERVISOR, Role.BUTLER, Role.SERVICE_DESK);
        String cluster = repo.clusterOfUnit(unitCode).orElseThrow(
                () -> ValidationException.of("unitCode", "validation.unknown", String.valueOf(unitCode)));
        currentUser.scope().check(cluster);
        boolean changed = false;
        for (Owner o : repo.ownersOfUnit(unitCode)) {
            Boolean key = keyCustomer != null ? keyCustomer : o.keyCustomer();
            Boolean strong = strongOpinion != null ? strongOpinion : o.strongOpinion();
            if (Objects.equals(key, o.keyCustomer()) && Objects.equals(strong, o.strongOpinion())) {
                continue;
            }
            repo.update(new Owner(o.code(), o.unitCode(), o.name(), o.phone(), key, strong,
                    o.mailingAddress(), o.autoDebit(), o.since()));
            audit.record("update", "owner", o.code(), "key_customer=" + key + " strong_opinion=" + strong);
            changed = true;
        }
        return changed;
    }

    /** An owner in the user's clusters. */
    public Optional<Owner> owner(String code) {
        return repo.owner(code).filter(o -> currentUser.scope().allows(
                repo.clusterOfUnit(o.unitCode()).orElse(null))).map(this::visible);
    }

    /**
     * Sets the owner's auto-debit flag. The bankdebit feature keeps it equal to "has a bank
     * debit enrolment that has not ended", so finance, who keeps enrolments, may set it too.
     */
    @Transactional
    public void setAutoDebit(String ownerCode, boolean autoDebit) {
        currentUser.require(Role.ADMIN, Role.MANAGER, Role.SERVICE_DESK, Role.FINANCE);
        Owner o = repo.owner(ownerCode).orElseThrow(
                () -> ValidationException.of("ownerCode", "validation.unknown", ownerCode));
        requireUnitInScope(o.unitCode());
        if (Boolean.valueOf(autoDebit).equals(o.autoDebit())) {
            return;
        }
        repo.update(new Owner(o.code(), o.unitCode(), o.name(), o.phone(), o.keyCustomer(),
                o.strongOpinion(), o.mailingAddress(), autoDebit, o.since()));
        audit.record("update", "owner", o.code(), "auto_debit=" + autoDebit);
    }

    // --- summary ----------------------------------------------------------------------------

    public List<EstateSummary> summary() {
        return repo.summary(currentUser.scope(), today());
    }

    // --- helpers ----------------------------------------------------------------------------

    private void requireUnitInScope(String unitCode) {
        String cluster = repo.clusterOfUnit(unitCode).orElse(null);
        if (cluster != null) {
            currentUser.scope().check(cluster);
        }
    }

    private static void checkKey(Validator v, boolean isNew, String code, boolean exists) {
        if (code == null || code.isBlank()) {
            return;
        }
        if (isNew && exists) {
            v.add("code", "validation.duplicate", code.trim());
        } else if (!isNew && !exists) {
            v.add("code", "validation.unknown", code.trim());
        }
    }

    private static boolean isCurrency(String code) {
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static String trim(String s) {
        return s == null ? null : s.trim();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static String orDefault(String s, String d) {
        return s == null || s.isBlank() ? d : s.trim();
    }
}

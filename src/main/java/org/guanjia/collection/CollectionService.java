package org.guanjia.collection;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.guanjia.analytics.KpiSummaryMaintenance;
import org.guanjia.audit.AuditService;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.CurrentUser;
import org.guanjia.base.Role;
import org.guanjia.base.Validator;
import org.guanjia.base.security.GuanjiaPrincipal;
import org.guanjia.billing.AllocationService;
import org.guanjia.billing.Ledger;
import org.guanjia.billing.LedgerLine;
import org.guanjia.collection.internal.CollectionRepository;
import org.guanjia.collection.internal.CollectionRepository.OwnerContact;
import org.guanjia.followup.FollowUp;
import org.guanjia.followup.FollowUpService;
import org.guanjia.followup.NewFollowUp;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The collection log (物管费催收记录表, rulebook 十): calls, visits, letters and messages to
 * owners about unpaid fees, with the reason they give and the date they promise. A call that
 * finds a service issue raises a follow-up to the department concerned (source
 * {@code collection}, source_ref = the action's number); the unit is flagged until that
 * follow-up is resolved. Butlers log for their clusters; the service desk, finance,
 * supervisors and administrators for every unit.
 */
@Service
@Transactional(readOnly = true)
public class CollectionService {

    /** Roles that may log collection actions (butlers only in their clusters). */
    public static final Set<Role> LOGGERS = Set.of(Role.BUTLER, Role.SERVICE_DESK, Role.FINANCE,
            Role.SUPERVISOR, Role.ADMIN);

    /** The follow-up source of service issues found by collection calls. */
    public static final String SOURCE = "collection";

    private final CollectionRepository repo;
    private final FollowUpService followUps;
    private final AllocationService allocations;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final KpiSummaryMaintenance summaries;

    public CollectionService(CollectionRepository repo, FollowUpService followUps,
            AllocationService allocations, AuditService audit, CurrentUser currentUser,
            Clock clock, KpiSummaryMaintenance summaries) {
        this.summaries = summaries;
        this.repo = repo;
        this.followUps = followUps;
        this.allocations = allocations;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** Logs an action; a service issue raises its follow-up in the same transaction. */
    @Transactional
    public CollectionAction log(NewCollectionAction a) {
        currentUser.require(LOGGERS.toArray(Role[]::new));
        LocalDate today = LocalDate.now(clock);
        LocalDate on = a.actionOn() == null ? today : a.actionOn();
        Validator v = new Validator()
                .required("unitCode", a.unitCode())
                .required("method", a.method())
                .check(a.method() == null || CollectionAction.METHODS.contains(a.method()), "method",
                        "validation.oneOf", CollectionAction.METHODS)
                // a lawyer's letter is logged by LawyerLetterService together with the letter
                .check(!"lawyer_letter".equals(a.method()), "method", "collect.validation.letter")
                .check(a.reason() == null || CollectionAction.REASONS.contains(a.reason()), "reason",
                        "validation.oneOf", CollectionAction.REASONS)
                .check(!on.isAfter(today), "actionOn", "collect.validation.future")
                .check(a.promisedOn() == null || !a.promisedOn().isBefore(on), "promisedOn",
                        "collect.validation.promiseBefore")
                .maxLength("note", a.note(), 4000)
                .maxLength("outcome", a.outcome(), 1000);
        Optional<String> cluster = a.unitCode() == null ? Optional.empty()
                : repo.clusterOfUnit(a.unitCode());
        if (a.unitCode() != null) {
            v.check(cluster.isPresent(), "unitCode", "validation.unknown", a.unitCode());
        }
        boolean serviceIssue = "service_issue".equals(a.reason());
        if (serviceIssue) {
            v.required("departmentCode", a.departmentCode());
            if (a.departmentCode() != null) {
                v.check(repo.departmentExists(a.departmentCode()), "departmentCode",
                        "validation.unknown", a.departmentCode());
            }
            v.check(a.note() != null && !a.note().isBlank(), "note", "collect.validation.describe");
        }
        v.throwIfAny();
        currentUser.scope().check(cluster.get());
        String no = repo.nextActionNo(today.getYear());
        String followUpNo = null;
        if (serviceIssue) {
            // the rulebook: the call centre opens a ticket to the department; tracked here
            followUpNo = followUps.create(new NewFollowUp(SOURCE, no, null, a.unitCode(),
                    a.departmentCode(), null, a.note().trim(), null)).no();
        }
        CollectionAction action = new CollectionAction(no, a.unitCode(), on, staffCode(), null,
                a.method(), a.reason(), a.promisedOn(), blank(a.note()), blank(a.outcome()),
                followUpNo, null);
        repo.insert(action);
        if (a.promisedOn() != null) {
            // the promise-kept figures read a check per promise, kept in this transaction
            summaries.refreshPromises(List.of(a.unitCode()));
        }
        audit.record("create", "collection_action", no, "unit=" + a.unitCode() + " method="
                + a.method() + " reason=" + a.reason() + " promised=" + a.promisedOn()
                + (followUpNo == null ? "" : " follow_up=" + followUpNo));
        return action;
    }

    /** The unit's log, newest first, with the status of the follow-ups it raised. */
    public List<CollectionAction> actions(String unitCode) {
        requireInScope(unitCode);
        List<CollectionAction> actions = repo.actions(unitCode);
        Map<String, String> status = followUps.followUps(actions.stream()
                        .map(CollectionAction::followUpNo).filter(n -> n != null).toList())
                .stream().collect(Collectors.toMap(FollowUp::no, FollowUp::status));
        return actions.stream().map(x -> x.followUpNo() == null ? x
                : x.withFollowUpStatus(status.get(x.followUpNo()))).toList();
    }

    /** The unit's situation today and its log; empty for an unknown unit. */
    public Optional<UnitCollection> unit(String unitCode) {
        Optional<String> cluster = repo.clusterOfUnit(unitCode);
        if (cluster.isEmpty()) {
            return Optional.empty();
        }
        currentUser.scope().check(cluster.get());
        LocalDate today = LocalDate.now(clock);
        Ledger ledger = allocations.ledger(unitCode, today).orElseThrow();
        BigDecimal overdue = ledger.statements().stream()
                .filter(l -> l.dueOn().isBefore(today)).map(LedgerLine::outstanding)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        LocalDate oldest = ledger.statements().stream().filter(l -> l.outstanding().signum() > 0)
                .map(LedgerLine::dueOn).min(LocalDate::compareTo).orElse(null);
        Optional<OwnerContact> owner = repo.owner(unitCode);
        return Optional.of(new UnitCollection(unitCode, cluster.get(),
                owner.map(OwnerContact::name).orElse(null), owner.map(OwnerContact::phone).map(currentUser::phone).orElse(null),
                today, ledger.outstanding(), overdue, oldest,
                repo.latestPromise(unitCode, today).orElse(null),
                !flaggedUnits(List.of(unitCode), today).isEmpty(), actions(unitCode),
                repo.letters(unitCode)));
    }

    /**
     * The units among the given ones (and in the user's clusters) that are flagged at the end
     * of the day: a follow-up raised by a collection call is open (raised, not yet resolved).
     */
    public Set<String> flaggedUnits(Collection<String> unitCodes, LocalDate day) {
        return followUps.unitsWithOpen(SOURCE, unitCodes, day);
    }

    /** {@link #flaggedUnits(Collection, LocalDate)} today. */
    public Set<String> flaggedUnits(Collection<String> unitCodes) {
        return flaggedUnits(unitCodes, LocalDate.now(clock));
    }

    /** The flagged units of the given clusters (within the user's) at the end of the day. */
    public Set<String> flaggedUnitsOfClusters(Collection<String> clusterCodes, LocalDate day) {
        return followUps.unitsWithOpenInClusters(SOURCE, clusterCodes, day);
    }

    /** Every flagged unit in the user's clusters on the day. */
    public Set<String> flaggedUnits(LocalDate day) {
        return followUps.unitsWithOpen(SOURCE, day);
    }

    private void requireInScope(String unitCode) {
        String cluster = repo.clusterOfUnit(unitCode).orElse(null);
        if (cluster == null || !currentUser.scope().allows(cluster)) {
            throw new AccessDeniedException("error.outOfScope", String.valueOf(cluster));
        }
    }

    private String staffCode() {
        return currentUser.principal().map(GuanjiaPrincipal::staffCode).orElse(null);
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}

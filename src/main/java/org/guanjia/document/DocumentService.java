package org.guanjia.document;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.guanjia.audit.AuditService;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.CurrentUser;
import org.guanjia.base.Page;
import org.guanjia.base.Role;
import org.guanjia.base.Scope;
import org.guanjia.base.ValidationException;
import org.guanjia.base.Validator;
import org.guanjia.base.security.GuanjiaPrincipal;
import org.guanjia.document.internal.DocumentRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Documents to owners (对客文件, rulebook 三, duty 14, DESIGN F5): a batch of one document
 * (statement, outage notice, fee standard ...) for a cluster, a building or picked units; each
 * unit's copy goes by the rule (by post when not moved in, in person by the butler to key
 * customers, with the security team otherwise); dispatch, delivery and collection are recorded,
 * and copies still unclaimed more than two weeks after they went out come on the butler's call
 * list until the call is recorded. Butlers work in their clusters; supervisors, managers and the
 * service desk (which posts the letters) everywhere; administrators read; finance is refused.
 */
@Service
@Transactional(readOnly = true)
public class DocumentService {

    static final Role[] READERS = {Role.ADMIN, Role.MANAGER, Role.SUPERVISOR, Role.BUTLER, Role.SERVICE_DESK};
    static final Role[] WRITERS = {Role.MANAGER, Role.SUPERVISOR, Role.BUTLER, Role.SERVICE_DESK};

    private final DocumentRepository repo;
    private final DocumentSettings settings;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final Clock clock;

    public DocumentService(DocumentRepository repo, DocumentSettings settings, AuditService audit,
            CurrentUser currentUser, Clock clock) {
        this.repo = repo;
        this.settings = settings;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Days after which an unclaimed copy goes on the call list. */
    public int unclaimedDays() {
        return settings.unclaimedDays();
    }

    public boolean canWrite() {
        return currentUser.principal().map(p -> List.of(WRITERS).contains(p.role())).orElse(false);
    }

    // --- batches ------------------------------------------------------------------------------

    public List<Document> documents(DocumentFilter filter, Page page) {
        currentUser.require(READERS);
        return repo.documents(currentUser.scope(), filter, today(), unclaimedDays(), page);
    }

    public int count(DocumentFilter filter) {
        currentUser.require(READERS);
        return repo.countDocuments(currentUser.scope(), filter);
    }

    /** The document with counts over the user's clusters; empty when none of its units is in them. */
    public Optional<Document> document(String no) {
        currentUser.require(READERS);
        return repo.document(String.valueOf(no), currentUser.scope(), today(), unclaimedDays());
    }

    /** The document's copies in the user's clusters, by unit. */
    public List<Delivery> deliveries(String documentNo) {
        currentUser.require(READERS);
        return repo.deliveries(documentNo, currentUser.scope()).stream().map(this::visible).toList();
    }

    /**
     * Creates the batch and one copy per unit with its method by the rule on the issue date, all
     * in one transaction. A cluster or building takes its units handed over by the issue date.
     */
    @Transactional
    public Document create(NewDocument d) {
        currentUser.require(WRITERS);
        boolean outage = Document.isOutage(d.kind());
        Set<String> picked = d.unitCodes() == null ? Set.of() : d.unitCodes();
        String cluster = blank(d.clusterCode());
        String building = blank(d.buildingCode());
        int targets = (cluster != null ? 1 : 0) + (building != null ? 1 : 0) + (picked.isEmpty() ? 0 : 1);
        Validator v = new Validator()
                .required("kind", d.kind())
                .check(d.kind() == null || Document.KINDS.contains(d.kind()), "kind", "validation.oneOf", Document.KINDS)
                .required("title", d.title()).maxLength("title", d.title(), 200)
                .required("issuedOn", d.issuedOn())
                .maxLength("note", d.note(), 4000)
                .check(targets == 1, "target", "doc.validation.oneTarget");
        if (outage) {
            v.required("outageFrom", d.outageFrom()).required("outageTo", d.outageTo());
            v.check(d.outageFrom() == null || d.outageTo() == null || !d.outageTo().isBefore(d.outageFrom()),
                    "outageTo", "doc.validation.outageOrder");
        }
        if (cluster != null) {
            v.check(repo.clusterExists(cluster), "clusterCode", "validation.unknown", cluster);
        }
        if (building != null) {
            v.check(repo.clusterOfBuilding(building).isPresent(), "buildingCode", "validation.unknown", building);
        }
        v.throwIfAny();
        List<DocumentRepository.Target> units = repo.targets(cluster, building, picked, d.issuedOn());
        if (cluster == null && building == null) {
            Set<String> found = new java.util.HashSet<>(units.stream().map(DocumentRepository.Target::unitCode).toList());
            List<String> unknown = picked.stream().filter(u -> !found.contains(u)).sorted().toList();
            v.check(unknown.isEmpty(), "unitCodes", "validation.unknown", String.join(", ", unknown));
        }
        v.check(!units.isEmpty() || v.hasProblems(), "target", "doc.validation.noUnits");
        v.throwIfAny();
        Scope scope = currentUser.scope();
        units.forEach(u -> scope.check(u.clusterCode()));
        String no = repo.nextNo(d.issuedOn().getYear());
        repo.insertDocument(no, d.kind(), d.title().trim(), d.issuedOn(), outage ? d.outageFrom() : null,
                outage ? d.outageTo() : null, blank(d.note()));
        int[] byMethod = new int[Delivery.METHODS.size()];
        for (DocumentRepository.Target u : units) {
            String method = Delivery.method(u.status(), u.keyCustomer());
            byMethod[Delivery.METHODS.indexOf(method)]++;
            repo.insertDelivery(no, u.unitCode(), method);
        }
        audit.record("create", "customer_document", no, "kind=" + d.kind() + " units=" + units.size()
                + " with_security=" + byMethod[0] + " in_person=" + byMethod[1] + " post=" + byMethod[2]);
        return document(no).orElseThrow();
    }

    // --- deliveries ---------------------------------------------------------------------------

    /** Records that the copies of the given units (not yet out) went out on the day. */
    @Transactional
    public int dispatch(String documentNo, Collection<String> unitCodes, LocalDate on) {
        currentUser.require(WRITERS);
        Document doc = requireDocument(documentNo);
        Validator v = new Validator().required("dispatchedOn", on);
        if (on != null) {
            v.check(!on.isAfter(today()), "dispatchedOn", "doc.validation.future")
                    .check(!on.isBefore(doc.issuedOn()), "dispatchedOn", "doc.validation.beforeIssued");
        }
        v.throwIfAny();
        List<Delivery> todo = new ArrayList<>();
        for (String unit : unitCodes) {
            Delivery d = requireDelivery(documentNo, unit);
            if (d.dispatchedOn() == null) {
                todo.add(d);
            }
        }
        String staff = staffCode();
        for (Delivery d : todo) {
            // who carries it: the butler in person; the security team or the post otherwise
            repo.update(documentNo, d.unitCode(), on, Delivery.IN_PERSON.equals(d.method()) ? staff : null,
                    null, null, null, null);
        }
        if (!todo.isEmpty()) {
            audit.record("update", "customer_document", documentNo, "dispatched " + on + " units="
                    + String.join(",", todo.stream().map(Delivery::unitCode).toList()));
        }
        return todo.size();
    }

    /** Records that the copy reached the unit (by post: the mailbox; in person: the owner's hands). */
    @Transactional
    public Delivery delivered(String documentNo, String unitCode, LocalDate on) {
        currentUser.require(WRITERS);
        Delivery d = requireDelivery(documentNo, unitCode);
        afterDispatch(d, "deliveredOn", on)
                .check(d.deliveredOn() == null, "deliveredOn", "doc.validation.already").throwIfAny();
        repo.update(documentNo, unitCode, null, null, on, null, null, null);
        audit.record("update", "customer_document", documentNo, "unit=" + unitCode + " delivered " + on);
        return repo.delivery(documentNo, unitCode).orElseThrow();
    }

    /** Records that the owner has collected the copy (e.g. at the security post). */
    @Transactional
    public Delivery collected(String documentNo, String unitCode, LocalDate on) {
        currentUser.require(WRITERS);
        Delivery d = requireDelivery(documentNo, unitCode);
        afterDispatch(d, "collectedOn", on)
                .check(d.collectedOn() == null, "collectedOn", "doc.validation.already").throwIfAny();
        repo.update(documentNo, unitCode, null, null, null, on, null, null);
        audit.record("update", "customer_document", documentNo, "unit=" + unitCode + " collected " + on);
        return repo.delivery(documentNo, unitCode).orElseThrow();
    }

    /** Records the call to the owner about an unclaimed copy; it leaves the call list. */
    @Transactional
    public Delivery recordCall(NewCall c) {
        currentUser.require(WRITERS);
        Delivery d = requireDelivery(c.documentNo(), c.unitCode());
        afterDispatch(d, "callOn", c.callOn())
                .required("callNote", c.callNote()).maxLength("callNote", c.callNote(), 4000)
                .check(d.callOn() == null, "callOn", "doc.validation.already")
                .throwIfAny();
        repo.update(d.documentNo(), d.unitCode(), null, null, null, null, c.callOn(), c.callNote().trim());
        audit.record("update", "customer_document", d.documentNo(), "unit=" + d.unitCode() + " called " + c.callOn());
        return repo.delivery(d.documentNo(), d.unitCode()).orElseThrow();
    }

    /**
     * The butler's call list today (rulebook 三, 超过两周仍无人领取): copies that went out more
     * than {@link #unclaimedDays()} days ago, not received and not yet called; oldest first.
     */
    public List<Delivery> callList(String clusterCode) {
        currentUser.require(READERS);
        return repo.callList(currentUser.scope(), clusterCode, today(), unclaimedDays()).stream()
                .map(this::visible).toList();
    }

    /** The copy with the owner's phone as the user may see it (masked for report readers). */
    private Delivery visible(Delivery d) {
        return new Delivery(d.documentNo(), d.documentTitle(), d.documentKind(), d.unitCode(), d.clusterCode(),
                d.ownerName(), currentUser.phone(d.ownerPhone()), d.mailingAddress(), d.method(), d.staffCode(),
                d.staffName(), d.dispatchedOn(), d.deliveredOn(), d.collectedOn(), d.callOn(), d.callNote());
    }

    public int callListCount(String clusterCode) {
        currentUser.require(READERS);
        return repo.countCallList(currentUser.scope(), clusterCode, today(), unclaimedDays());
    }

    /** The checks of a date recorded after the copy went out: not in the future, not before it went out. */
    private Validator afterDispatch(Delivery d, String field, LocalDate on) {
        Validator v = new Validator().required(field, on)
                .check(d.dispatchedOn() != null, field, "doc.validation.notDispatched");
        if (on != null) {
            v.check(!on.isAfter(today()), field, "doc.validation.future");
            if (d.dispatchedOn() != null) {
                v.check(!on.isBefore(d.dispatchedOn()), field, "doc.validation.beforeDispatched", d.dispatchedOn());
            }
        }
        return v;
    }

    private Document requireDocument(String no) {
        if (no == null || !repo.documentExists(no)) {
            throw ValidationException.of("documentNo", "validation.unknown", String.valueOf(no));
        }
        return document(no).orElseThrow(() -> new AccessDeniedException("error.outOfScope", no));
    }

    private Delivery requireDelivery(String documentNo, String unitCode) {
        Delivery d = repo.delivery(String.valueOf(documentNo), String.valueOf(unitCode))
                .orElseThrow(() -> ValidationException.of("unitCode", "validation.unknown", String.valueOf(unitCode)));
        currentUser.scope().check(d.clusterCode());
        return d;
    }

    private String staffCode() {
        return currentUser.principal().map(GuanjiaPrincipal::staffCode).orElse(null);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}

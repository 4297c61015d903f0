package org.guanjia.mail;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.regex.Pattern;
import org.guanjia.audit.AuditService;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.CurrentUser;
import org.guanjia.base.Role;
import org.guanjia.base.ValidationException;
import org.guanjia.base.Validator;
import org.guanjia.dashboard.DashboardCatalog;
import org.guanjia.mail.internal.SubscriptionRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.guanjia.base.TrustedInput;

/**
 * Managers' e-mail subscriptions: a manager (or an administrator) keeps their own; an
 * administrator sees and edits everyone's. The delivery job ({@link MailDelivery}) reads them as
 * the system.
 */
@Service
@Transactional(readOnly = true)
public class SubscriptionService {

    static final Role[] SUBSCRIBERS = {Role.ADMIN, Role.MANAGER};
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final SubscriptionRepository repo;
    private final DashboardCatalog dashboards;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final Clock clock;

    public SubscriptionService(SubscriptionRepository repo, DashboardCatalog dashboards,
            AuditService audit, CurrentUser currentUser, Clock clock) {
        this.repo = repo;
        this.dashboards = dashboards;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    private String owner() {
        currentUser.require(SUBSCRIBERS);
        return currentUser.hasRole(Role.ADMIN) ? null : currentUser.usernameOrSystem();
    }

    /** The user's subscriptions (an administrator: everyone's). */
    public List<Subscription> list() {
        return repo.list(owner());
    }

    public Subscription get(long id) {
        String owner = owner();
        Subscription s = repo.find(id).orElseThrow(() -> ValidationException.of("email", "mail.validation.notFound"));
        if (owner != null && !owner.equals(s.username())) {
            throw new AccessDeniedException("error.forbidden", owner);
        }
        return s;
    }

    /** Creates (id null: for the signed-in user) or changes a subscription. */
    @Transactional
    public Subscription save(Subscription s) {
        if (s.id() != null) {
            get(s.id());
        } else {
            owner();
        }
        Validator v = new Validator().required("email", s.email()).maxLength("email", s.email(), 200)
                .required("kind", s.kind()).required("frequency", s.frequency());
        v.check(s.email() == null || s.email().isBlank() || EMAIL.matcher(s.email().strip()).matches(),
                "email", "mail.validation.email");
        v.check(s.kind() == null || Subscription.KINDS.contains(s.kind()), "kind", "validation.required");
        v.check(s.frequency() == null || Subscription.FREQUENCIES.contains(s.frequency()), "frequency",
                "validation.required");
        v.check(!"dashboard".equals(s.kind()) || (s.dashboardId() != null
                && dashboards.find(s.dashboardId()).isPresent()), "dashboardId", "mail.validation.dashboard");
        v.throwIfAny();
        String user = currentUser.usernameOrSystem();
        String locale = s.locale() != null && Subscription.LOCALES.contains(s.locale()) ? s.locale() : "zh-CN";
        Subscription clean = new Subscription(s.id(), s.id() == null ? user : s.username(), s.email().strip(),
                s.kind(), s.dashboardId(), s.estateCode() == null || s.estateCode().isBlank() ? null
                        : s.estateCode(), s.frequency(), locale, s.active(), s.lastSentOn(), s.lastError());
        long id = repo.save(clean, LocalDateTime.now(clock), user);
        audit.record(s.id() == null ? "create" : "update", "mail_subscription", String.valueOf(id),
                clean.kind() + " " + clean.frequency() + " " + clean.email());
        return repo.find(id).orElseThrow();
    }

    @Transactional
    public void delete(long id) {
        get(id);
        repo.delete(id);
        audit.record("delete", "mail_subscription", String.valueOf(id), null);
    }

    /** Every active subscription (for the delivery job, which runs as the system). */
    public List<Subscription> active() {
        currentUser.require(SUBSCRIBERS);
        return repo.active();
    }

    /** Notes a delivery attempt: sent (error null) or failed. */
    @Transactional
    @TrustedInput("the mail server's answer, stored for the admin")
    public void delivered(Subscription s, LocalDate day, String error) {
        repo.delivered(s.id(), error == null ? day : null, error == null ? null
                : error.length() > 1000 ? error.substring(0, 1000) : error);
        audit.record("export", "mail_subscription", String.valueOf(s.id()),
                (error == null ? "sent to " : "failed for ") + s.email() + (error == null ? "" : ": " + error));
    }
}

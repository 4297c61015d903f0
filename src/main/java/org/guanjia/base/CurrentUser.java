package org.guanjia.base;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.guanjia.base.security.GuanjiaPrincipal;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The signed-in user of the current request or thread, and the clusters they may see. */
@Component
public class CurrentUser {

    /** Set while start-up jobs, the CLI or the demo generator act for the system itself. */
    private static final ThreadLocal<Boolean> SYSTEM = ThreadLocal.withInitial(() -> false);

    private final ObjectProvider<ButlerClusters> butlerClusters;
    private final Clock clock;

    public CurrentUser(ObjectProvider<ButlerClusters> butlerClusters, Clock clock) {
        this.butlerClusters = butlerClusters;
        this.clock = clock;
    }

    public Optional<GuanjiaPrincipal> principal() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof GuanjiaPrincipal p) {
            return Optional.of(p);
        }
        return Optional.empty();
    }

    public String usernameOrSystem() {
        return principal().map(GuanjiaPrincipal::getUsername).orElse("system");
    }

    public boolean hasRole(Role role) {
        return principal().map(p -> p.role() == role).orElse(false);
    }

    /**
     * Runs a job as the system (start-up, the CLI, the demo generator): full access, audit lines
     * by "system". Without this, a call with nobody signed in has no access at all.
     */
    public static <T> T asSystem(java.util.function.Supplier<T> job) {
        boolean before = SYSTEM.get();
        SYSTEM.set(true);
        try {
            return job.get();
        } finally {
            SYSTEM.set(before);
        }
    }

    private static boolean isSystem() {
        return SYSTEM.get();
    }

    /** The scope of the current user: everything for the system, a butler's clusters today. */
    public Scope scope() {
        Optional<GuanjiaPrincipal> p = principal();
        if (p.isEmpty()) {
            return isSystem() ? Scope.ALL : Scope.clusters(Set.of());
        }
        if (p.get().role().seesAllClusters()) {
            return Scope.ALL;
        }
        String staffCode = p.get().staffCode();
        if (staffCode == null) {
            return Scope.clusters(Set.of());
        }
        return Scope.clusters(butlerClusters.getObject().clusterCodesOf(staffCode, LocalDate.now(clock)));
    }

    /**
     * Whether the user sees owners' phone numbers in full. Those who call owners do: butlers
     * (their clusters' owners: visits, collection calls, failed debits), the service desk (call
     * backs, unclaimed documents), finance (collection calls) and the administrator who keeps
     * the owner records; the system too (exports, CLI). Managers and supervisors read reports
     * and dashboards and get the masked number.
     */
    public boolean seesPhones() {
        Optional<GuanjiaPrincipal> p = principal();
        if (p.isEmpty()) {
            return isSystem();
        }
        return switch (p.get().role()) {
            case ADMIN, BUTLER, SERVICE_DESK, FINANCE -> true;
            case MANAGER, SUPERVISOR -> false;
        };
    }

    /** An owner's phone as the current user may see it (see {@link #seesPhones()}). */
    public String phone(String phone) {
        return phone == null || seesPhones() ? phone : PhoneMask.mask(phone);
    }

    /** Refuses the call unless the user has one of the roles (or the system is acting). */
    public void require(Role... roles) {
        Optional<GuanjiaPrincipal> p = principal();
        if (p.isEmpty()) {
            if (isSystem()) {
                return;
            }
            throw new AccessDeniedException("error.forbidden", "anonymous");
        }
        for (Role r : roles) {
            if (p.get().role() == r) {
                return;
            }
        }
        throw new AccessDeniedException("error.forbidden", p.get().getUsername());
    }
}

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
     * The scope of the current user. Code running without a signed-in user (start-up, the CLI,
     * the demo generator) sees everything; a butler sees the clusters assigned today.
     */
    public Scope scope() {
        Optional<GuanjiaPrincipal> p = principal();
        if (p.isEmpty() || p.get().role().seesAllClusters()) {
            return Scope.ALL;
        }
        String staffCode = p.get().staffCode();
        if (staffCode == null) {
            return Scope.clusters(Set.of());
        }
        return Scope.clusters(butlerClusters.getObject().clusterCodesOf(staffCode, LocalDate.now(clock)));
    }

    /** Refuses the call unless the user has one of the roles (or no user is signed in: batch). */
    public void require(Role... roles) {
        Optional<GuanjiaPrincipal> p = principal();
        if (p.isEmpty()) {
            return;
        }
        for (Role r : roles) {
            if (p.get().role() == r) {
                return;
            }
        }
        throw new AccessDeniedException("error.forbidden", p.get().getUsername());
    }
}

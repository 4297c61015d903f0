package org.guanjia;

import org.guanjia.base.Role;
import org.guanjia.base.security.GuanjiaPrincipal;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** Signs a test in as a user of some role, for service tests. */
public final class TestUsers {

    private TestUsers() {
    }

    public static GuanjiaPrincipal signIn(String username, Role role, String staffCode) {
        GuanjiaPrincipal p = new GuanjiaPrincipal(username, "x", username, role, staffCode, null, true);
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(p, "x", p.getAuthorities()));
        return p;
    }

    public static void signOut() {
        SecurityContextHolder.clearContext();
    }
}

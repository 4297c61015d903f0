package org.guanjia.base.security;

import java.util.Collection;
import java.util.List;
import org.guanjia.base.Role;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A signed-in user: their role and, for butlers and other staff, their staff code. */
public record GuanjiaPrincipal(String username, String passwordHash, String displayName, Role role,
        String staffCode, String locale, boolean enabled) implements UserDetails {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public String toString() {
        return "GuanjiaPrincipal[" + username + ", " + role + "]";
    }
}

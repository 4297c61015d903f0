package org.guanjia.user;

import java.time.LocalDateTime;
import org.guanjia.base.Role;

/** A user account (without its password hash). */
public record User(String username, String displayName, Role role, String staffCode, String locale,
        boolean enabled, boolean demo, LocalDateTime lastLoginAt) {
}

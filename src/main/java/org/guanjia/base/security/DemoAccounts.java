package org.guanjia.base.security;

import java.util.List;

/** The demo accounts to list on the sign-in page; empty outside demo mode. */
public interface DemoAccounts {

    /** One demo account: user name, the role's message key, and the password. */
    record Account(String username, String roleKey, String password) {
    }

    List<Account> list();
}

package org.guanjia.user;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Records each successful sign-in in the audit log and on the account. */
@Component
class SignInListener {

    private final UserService users;

    SignInListener(UserService users) {
        this.users = users;
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        users.signedIn(event.getAuthentication().getName());
    }
}

package org.guanjia.user;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** On start, after the demo data: makes sure an administrator can sign in. */
@Component
@Order(20)
@ConditionalOnWebApplication // the command line needs no account
class AdminBootstrap implements ApplicationRunner {

    private final UserService users;

    AdminBootstrap(UserService users) {
        this.users = users;
    }

    @Override
    public void run(ApplicationArguments args) {
        users.ensureAdmin();
    }
}

package org.guanjia.user;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import org.guanjia.audit.AuditService;
import org.guanjia.base.CurrentUser;
import org.guanjia.base.GuanjiaProperties;
import org.guanjia.base.Page;
import org.guanjia.base.Role;
import org.guanjia.base.Validator;
import org.guanjia.base.i18n.LocalePreference;
import org.guanjia.base.security.DemoAccounts;
import org.guanjia.base.security.GuanjiaPrincipal;
import org.guanjia.base.security.LoginThrottle;
import org.guanjia.user.internal.UserRepository;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.guanjia.base.TrustedInput;

/**
 * User accounts: sign-in lookup, the first admin, demo accounts, and account administration.
 * Demo accounts sign in only while demo mode is on.
 */
@Service
@Transactional(readOnly = true)
public class UserService implements UserDetailsService, DemoAccounts, LocalePreference {

    /** The demo password; demo accounts work only in demo mode and are listed on the login page. */
    static final String DEMO_PASSWORD = "demo";
    static final int MIN_PASSWORD = 10;

    private final UserRepository repo;
    private final PasswordEncoder encoder;
    private final GuanjiaProperties properties;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final LoginThrottle throttle;
    private final Clock clock;

    public UserService(UserRepository repo, PasswordEncoder encoder, GuanjiaProperties properties,
            AuditService audit, CurrentUser currentUser, LoginThrottle throttle, Clock clock) {
        this.repo = repo;
        this.throttle = throttle;
        this.encoder = encoder;
        this.properties = properties;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        GuanjiaPrincipal p = repo.principal(username)
                .orElseThrow(() -> new UsernameNotFoundException(username));
        if (throttle.isLocked(username)) {
            // refused before the password is checked: repeated wrong passwords (LoginThrottle)
            return org.springframework.security.core.userdetails.User.withUserDetails(p)
                    .accountLocked(true).build();
        }
        boolean demoAccount = repo.isDemo(username);
        if (demoAccount && !properties.demo()) {
            return new GuanjiaPrincipal(p.username(), p.passwordHash(), p.displayName(), p.role(),
                    p.staffCode(), p.locale(), false);
        }
        return p;
    }

    @Transactional
    @TrustedInput("the name of a user who has just signed in")
    public void signedIn(String username) {
        repo.touchLogin(username, LocalDateTime.now(clock));
        audit.recordLogin(username);
    }

    @Override
    public List<Account> list() {
        if (!properties.demo()) {
            return List.of();
        }
        return repo.demoUsers().stream()
                .map(u -> new Account(u.username(), "role." + u.role().name(), DEMO_PASSWORD))
                .toList();
    }

    /**
     * Outside demo mode, the first start needs an admin password from configuration; it creates
     * the {@code admin} account once.
     */
    @Transactional
    public void ensureAdmin() {
        if (repo.hasAdmin(false)) {
            return;
        }
        String password = properties.adminPassword();
        if (password == null || password.isBlank()) {
            if (properties.demo()) {
                return;
            }
            throw new IllegalStateException("No administrator account exists yet. Set "
                    + "GUANJIA_ADMIN_PASSWORD (property guanjia.admin-password, at least "
                    + MIN_PASSWORD + " characters) for the first start; it creates the user 'admin'.");
        }
        if (password.length() < MIN_PASSWORD) {
            throw new IllegalStateException("GUANJIA_ADMIN_PASSWORD must have at least "
                    + MIN_PASSWORD + " characters.");
        }
        repo.insert("admin", encoder.encode(password), "Administrator", Role.ADMIN, null, true, false);
        audit.record("create", "user", "admin", "first administrator");
    }

    /** Creates the demo accounts that do not exist yet (demo mode only). */
    @Transactional
    @TrustedInput("the built-in demo accounts")
    public void ensureDemoAccounts(List<DemoUser> users) {
        // accounts with a known password: only the demo generator (the system) or an admin
        currentUser.require(Role.ADMIN);
        String hash = null;
        for (DemoUser u : users) {
            if (repo.exists(u.username())) {
                continue;
            }
            if (hash == null) {
                hash = encoder.encode(DEMO_PASSWORD);
            }
            repo.insert(u.username(), hash, u.displayName(), u.role(), u.staffCode(), true, true);
            audit.record("create", "user", u.username(), "demo account, role=" + u.role());
        }
    }

    /** A demo account to create. */
    public record DemoUser(String username, String displayName, Role role, String staffCode) {
    }

    // --- administration ---------------------------------------------------------------------

    public List<User> users(String text, Page page) {
        currentUser.require(Role.ADMIN);
        return repo.users(text, page);
    }

    public int countUsers(String text) {
        currentUser.require(Role.ADMIN);
        return repo.countUsers(text);
    }

    /** Creates or changes an account; a non-empty password replaces the old one. */
    @Transactional
    public User saveUser(User u, String newPassword, boolean isNew) {
        currentUser.require(Role.ADMIN);
        Validator v = new Validator()
                .required("username", u.username()).maxLength("username", u.username(), 64)
                .required("displayName", u.displayName()).maxLength("displayName", u.displayName(), 200)
                .required("role", u.role());
        if (u.username() != null) {
            v.check(u.username().matches("[A-Za-z0-9._-]{2,64}"), "username", "validation.username");
            boolean exists = repo.exists(u.username());
            v.check(!(isNew && exists), "username", "validation.duplicate", u.username());
            v.check(isNew || exists, "username", "validation.unknown", u.username());
        }
        if (isNew || (newPassword != null && !newPassword.isEmpty())) {
            v.check(newPassword != null && newPassword.length() >= MIN_PASSWORD, "password",
                    "validation.password", MIN_PASSWORD);
        }
        if (u.role() == Role.BUTLER) {
            v.required("staffCode", u.staffCode());
        }
        if (u.staffCode() != null) {
            v.check(repo.staffExists(u.staffCode()), "staffCode", "validation.unknown", u.staffCode());
        }
        if (!isNew && u.username() != null && (u.role() != Role.ADMIN || !u.enabled())) {
            // never leave the company without an administrator who can sign in
            v.check(repo.otherAdmins(u.username()) > 0 || !repo.isEnabledAdmin(u.username()),
                    "role", "validation.lastAdmin");
        }
        v.throwIfAny();
        if (isNew) {
            repo.insert(u.username(), encoder.encode(newPassword), u.displayName(), u.role(),
                    u.staffCode(), u.enabled(), false);
        } else {
            repo.update(u);
            if (newPassword != null && !newPassword.isEmpty()) {
                repo.setPassword(u.username(), encoder.encode(newPassword));
            }
        }
        audit.record(isNew ? "create" : "update", "user", u.username(), "role=" + u.role());
        return u;
    }

    /** Remembers the user's language choice. */
    @Override
    @Transactional
    public void saveLocale(String username, Locale locale) {
        if (!username.equals(currentUser.usernameOrSystem())) {
            return; // only one's own choice
        }
        repo.setLocale(username, locale.toLanguageTag());
    }
}

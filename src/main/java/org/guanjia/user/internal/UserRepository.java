package org.guanjia.user.internal;

import static org.guanjia.db.Tables.APP_USERS;
import static org.guanjia.db.Tables.STAFF;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.guanjia.base.Page;
import org.guanjia.base.RecordUpdates;
import org.guanjia.base.Role;
import org.guanjia.base.security.GuanjiaPrincipal;
import org.guanjia.db.tables.records.AppUsersRecord;
import org.guanjia.user.User;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

@Repository
public class UserRepository {

    private final DSLContext dsl;

    UserRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Optional<GuanjiaPrincipal> principal(String username) {
        return dsl.selectFrom(APP_USERS).where(APP_USERS.USERNAME.eq(username))
                .fetchOptional(r -> new GuanjiaPrincipal(r.getUsername(), r.getPasswordHash(),
                        r.getDisplayName(), Role.valueOf(r.getRole()), r.getStaffCode(),
                        r.getLocale(), r.getEnabled()));
    }

    public boolean isDemo(String username) {
        return dsl.fetchExists(APP_USERS, APP_USERS.USERNAME.eq(username).and(APP_USERS.DEMO));
    }

    public boolean exists(String username) {
        return dsl.fetchExists(APP_USERS, APP_USERS.USERNAME.eq(username));
    }

    public boolean staffExists(String staffCode) {
        return dsl.fetchExists(STAFF, STAFF.STAFF_CODE.eq(staffCode));
    }

    /** Enabled, non-demo admins other than {@code except}. */
    public int otherAdmins(String except) {
        return dsl.fetchCount(APP_USERS, APP_USERS.ROLE.eq(Role.ADMIN.name()).and(APP_USERS.ENABLED)
                .and(APP_USERS.DEMO.isFalse()).and(APP_USERS.USERNAME.ne(except)));
    }

    public boolean isEnabledAdmin(String username) {
        return dsl.fetchExists(APP_USERS, APP_USERS.USERNAME.eq(username)
                .and(APP_USERS.ROLE.eq(Role.ADMIN.name())).and(APP_USERS.ENABLED).and(APP_USERS.DEMO.isFalse()));
    }

    public boolean hasAdmin(boolean demo) {
        return dsl.fetchExists(APP_USERS, APP_USERS.ROLE.eq(Role.ADMIN.name())
                .and(APP_USERS.ENABLED).and(APP_USERS.DEMO.eq(demo)));
    }

    public void insert(String username, String hash, String displayName, Role role, String staffCode,
            boolean enabled, boolean demo) {
        AppUsersRecord r = dsl.newRecord(APP_USERS);
        r.setUsername(username);
        r.setPasswordHash(hash);
        r.setDisplayName(displayName);
        r.setRole(role.name());
        r.setStaffCode(staffCode);
        r.setEnabled(enabled);
        r.setDemo(demo);
        r.insert();
    }

    public void update(User u) {
        AppUsersRecord r = dsl.fetchSingle(APP_USERS, APP_USERS.USERNAME.eq(u.username()));
        r.setDisplayName(u.displayName());
        r.setRole(u.role().name());
        r.setStaffCode(u.staffCode());
        r.setEnabled(u.enabled());
        RecordUpdates.update(r, "code");
    }

    public void setPassword(String username, String hash) {
        AppUsersRecord r = dsl.fetchSingle(APP_USERS, APP_USERS.USERNAME.eq(username));
        r.setPasswordHash(hash);
        RecordUpdates.update(r, "code");
    }

    public void setLocale(String username, String locale) {
        AppUsersRecord r = dsl.fetchOne(APP_USERS, APP_USERS.USERNAME.eq(username));
        if (r != null) {
            r.setLocale(locale);
            RecordUpdates.update(r, "code");
        }
    }

    public void touchLogin(String username, LocalDateTime at) {
        AppUsersRecord r = dsl.fetchOne(APP_USERS, APP_USERS.USERNAME.eq(username));
        if (r != null) {
            r.setLastLoginAt(at);
            RecordUpdates.update(r, "code");
        }
    }

    public List<User> demoUsers() {
        // roles in their natural order, butlers by number (demo-butler2 before demo-butler10)
        return dsl.selectFrom(APP_USERS).where(APP_USERS.DEMO)
                .orderBy(APP_USERS.CREATED_AT, DSL.length(APP_USERS.USERNAME), APP_USERS.USERNAME)
                .fetch(UserRepository::toUser).stream()
                .sorted(java.util.Comparator.comparing((User u) -> u.role().ordinal()))
                .toList();
    }

    private static Condition filter(String text) {
        if (text == null || text.isBlank()) {
            return DSL.noCondition();
        }
        String t = text.trim();
        return APP_USERS.USERNAME.containsIgnoreCase(t).or(APP_USERS.DISPLAY_NAME.containsIgnoreCase(t));
    }

    public List<User> users(String text, Page page) {
        return dsl.selectFrom(APP_USERS).where(filter(text)).orderBy(APP_USERS.USERNAME)
                .offset(page.offset()).limit(page.limit())
                .fetch(UserRepository::toUser);
    }

    public int countUsers(String text) {
        return dsl.fetchCount(APP_USERS, filter(text));
    }

    private static User toUser(Record rec) {
        AppUsersRecord r = rec.into(APP_USERS);
        return new User(r.getUsername(), r.getDisplayName(), Role.valueOf(r.getRole()),
                r.getStaffCode(), r.getLocale(), r.getEnabled(), r.getDemo(), r.getLastLoginAt());
    }
}

package org.guanjia.base.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Locks an account name for a while after repeated wrong passwords (issue 10: login
 * throttling), for the sign-in form and the API's Basic authentication alike:
 * {@code guanjia.login.max-failures} (5) failures, each within {@code guanjia.login.lock-minutes}
 * (15) of the previous one, lock the name until that many minutes after the last failure. A
 * successful sign-in clears the count. Kept in memory: a restart unlocks, which only gives an
 * attacker one more round of attempts.
 */
@Component
public class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    /** Names tracked at most; expired entries are dropped when this is exceeded. */
    private static final int MAX_TRACKED = 10_000;

    private final Clock clock;
    private final int maxFailures;
    private final Duration lock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock, @Value("${guanjia.login.max-failures:5}") int maxFailures,
            @Value("${guanjia.login.lock-minutes:15}") int lockMinutes) {
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lock = Duration.ofMinutes(lockMinutes);
    }

    private record Failures(int count, Instant last) {
    }

    private static String key(String username) {
        return username == null ? "" : username.trim().toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether the name is locked now (the sign-in is refused before the password is checked). */
    public boolean isLocked(String username) {
        Failures f = failures.get(key(username));
        return f != null && f.count() >= maxFailures
                && clock.instant().isBefore(f.last().plus(lock));
    }

    @EventListener
    void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        String name = key(event.getAuthentication().getName());
        Instant now = clock.instant();
        Failures f = failures.compute(name, (k, old) -> old == null
                || now.isAfter(old.last().plus(lock)) ? new Failures(1, now)
                : new Failures(old.count() + 1, now));
        if (f.count() == maxFailures) {
            log.warn("Sign-in of '{}' locked for {} min after {} wrong passwords", name,
                    lock.toMinutes(), maxFailures);
        }
        if (failures.size() > MAX_TRACKED) {
            failures.values().removeIf(x -> now.isAfter(x.last().plus(lock)));
        }
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        failures.remove(key(event.getAuthentication().getName()));
    }
}

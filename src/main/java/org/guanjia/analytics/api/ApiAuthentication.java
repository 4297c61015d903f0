package org.guanjia.analytics.api;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The API's HTTP Basic authentication: the same users, passwords, locks and sign-in events as
 * the sign-in form, with one difference. Basic sends the password with every request, and
 * checking it against its BCrypt hash costs about 0.1 s of CPU each time, so a dashboard tool
 * polling the API (or twelve managers reading figures at once, the load test of issue 10) would
 * spend a core on hashing. A password checked successfully is therefore remembered for
 * {@code guanjia.api.credential-cache-seconds} (300; 0 turns it off) as an HMAC of user name,
 * password and stored hash under a key made at start-up: no password is kept, a changed
 * password (a new hash) or a wrong one misses the cache and is checked in full, and a user
 * locked or disabled since is refused on every request (the user is loaded each time).
 *
 * <p>A full check publishes the usual success or failure event (the sign-in is recorded, wrong
 * passwords count towards the lock); a remembered one publishes none, so the audit log has one
 * sign-in per client and period rather than one per request. Requests with the same
 * credentials that arrive while their first full check runs (a client's first requests sent
 * side by side: in the load test twelve at once, each 0.1 s of hashing and a sign-in written to
 * the same account, which conflicted) wait for it and share its success; after a failure each
 * is checked in full.
 */
@Component
@ConditionalOnWebApplication
class ApiAuthentication implements AuthenticationManager {

    /** Remembered checks at most; expired ones are dropped first when it is reached. */
    private static final int MAX_ENTRIES = 10_000;

    private final UserDetailsService users;
    private final ProviderManager fullCheck;
    private final Clock clock;
    private final Duration remember;
    private final SecretKeySpec key;
    private final Map<String, Instant> checked = new ConcurrentHashMap<>();
    /** Full checks running now, by the same key as {@link #checked}. */
    private final Map<String, CompletableFuture<Boolean>> checking = new ConcurrentHashMap<>();
    private final AccountStatusUserDetailsChecker status = new AccountStatusUserDetailsChecker();

    ApiAuthentication(UserDetailsService users, PasswordEncoder encoder,
            AuthenticationEventPublisher events, Clock clock,
            @Value("${guanjia.api.credential-cache-seconds:300}") long rememberSeconds) {
        this.users = users;
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
        dao.setPasswordEncoder(encoder);
        this.fullCheck = new ProviderManager(dao);
        this.fullCheck.setAuthenticationEventPublisher(events);
        this.clock = clock;
        this.remember = Duration.ofSeconds(Math.max(0, rememberSeconds));
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public Authentication authenticate(Authentication request) {
        if (remember.isZero() || !(request instanceof UsernamePasswordAuthenticationToken)
                || !(request.getCredentials() instanceof String password)) {
            return fullCheck.authenticate(request);
        }
        UserDetails user;
        try {
            user = users.loadUserByUsername(request.getName());
        } catch (UsernameNotFoundException e) {
            return fullCheck.authenticate(request); // refused there, with its failure event
        }
        String entry = entry(request.getName(), password, user.getPassword());
        Instant now = clock.instant();
        Instant until = checked.get(entry);
        if (until != null && now.isBefore(until)) {
            status.check(user); // locked (wrong passwords) or disabled since it was remembered
            UsernamePasswordAuthenticationToken ok = UsernamePasswordAuthenticationToken.authenticated(
                    user, null, user.getAuthorities());
            ok.setDetails(request.getDetails());
            return ok;
        }
        // the same credentials checked by another request at this moment (a client's first
        // requests sent side by side): wait for that check instead of hashing again
        CompletableFuture<Boolean> mine = new CompletableFuture<>();
        CompletableFuture<Boolean> running = checking.putIfAbsent(entry, mine);
        if (running != null) {
            if (succeeded(running)) {
                status.check(user);
                UsernamePasswordAuthenticationToken ok = UsernamePasswordAuthenticationToken
                        .authenticated(user, null, user.getAuthorities());
                ok.setDetails(request.getDetails());
                return ok;
            }
            // it failed (or took too long): a check of its own, with its own events
            Authentication result = fullCheck.authenticate(request);
            remember(entry, now);
            return result;
        }
        try {
            Authentication result = fullCheck.authenticate(request);
            remember(entry, now);
            mine.complete(true);
            return result;
        } finally {
            mine.complete(false); // no effect after a success
            checking.remove(entry, mine);
        }
    }

    /** Whether a check another request runs succeeds (false when it fails or takes 30 s). */
    private static boolean succeeded(CompletableFuture<Boolean> check) {
        try {
            return check.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    private void remember(String entry, Instant now) {
        if (checked.size() >= MAX_ENTRIES) {
            checked.values().removeIf(t -> !now.isBefore(t));
            if (checked.size() >= MAX_ENTRIES) {
                checked.clear();
            }
        }
        checked.put(entry, now.plus(remember));
    }

    private String entry(String username, String password, String storedHash) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            for (String part : new String[] {username, password, String.valueOf(storedHash)}) {
                mac.update(part.getBytes(StandardCharsets.UTF_8));
                mac.update((byte) 0);
            }
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}

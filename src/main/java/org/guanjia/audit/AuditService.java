package org.guanjia.audit;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import org.guanjia.audit.internal.AuditRepository;
import org.guanjia.base.CurrentUser;
import org.guanjia.base.Page;
import org.guanjia.base.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.guanjia.base.TrustedInput;

/**
 * The audit log. Writes join the caller's transaction, so a change and its audit line are
 * committed or rolled back together.
 */
@Service
@TrustedInput("details are written by the services after they checked the user's input")
@Transactional(readOnly = true)
public class AuditService {

    private static final int MAX_DETAILS = 10_000;

    private final AuditRepository repository;
    private final CurrentUser currentUser;
    private final Clock clock;

    public AuditService(AuditRepository repository, CurrentUser currentUser, Clock clock) {
        this.repository = repository;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String action, String entity, String entityKey, String details) {
        String d = details == null || details.length() <= MAX_DETAILS ? details
                : details.substring(0, MAX_DETAILS);
        repository.insert(LocalDateTime.now(clock), currentUser.usernameOrSystem(), action, entity,
                entityKey, d);
    }

    /** Records a sign-in in its own transaction. */
    @Transactional
    public void recordLogin(String username) {
        repository.insert(LocalDateTime.now(clock), username, "login", "user", username, null);
    }

    public List<AuditEntry> list(String text, Page page) {
        currentUser.require(Role.ADMIN);
        return repository.list(text, page);
    }

    public int count(String text) {
        currentUser.require(Role.ADMIN);
        return repository.count(text);
    }
}

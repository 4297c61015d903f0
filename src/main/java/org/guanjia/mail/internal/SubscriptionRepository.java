package org.guanjia.mail.internal;

import static org.guanjia.db.Tables.MAIL_SUBSCRIPTIONS;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.guanjia.base.RecordUpdates;
import org.guanjia.db.tables.records.MailSubscriptionsRecord;
import org.guanjia.mail.Subscription;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** jOOQ access to mail_subscriptions. */
@Repository
public class SubscriptionRepository {

    private final DSLContext dsl;

    SubscriptionRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** One user's subscriptions, or everyone's when {@code username} is null. */
    public List<Subscription> list(String username) {
        Condition c = username == null ? DSL.trueCondition() : MAIL_SUBSCRIPTIONS.USERNAME.eq(username);
        return dsl.selectFrom(MAIL_SUBSCRIPTIONS).where(c)
                .orderBy(MAIL_SUBSCRIPTIONS.USERNAME, MAIL_SUBSCRIPTIONS.ID).fetch(this::to);
    }

    public List<Subscription> active() {
        return dsl.selectFrom(MAIL_SUBSCRIPTIONS).where(MAIL_SUBSCRIPTIONS.ACTIVE)
                .orderBy(MAIL_SUBSCRIPTIONS.ID).fetch(this::to);
    }

    public Optional<Subscription> find(long id) {
        return dsl.selectFrom(MAIL_SUBSCRIPTIONS).where(MAIL_SUBSCRIPTIONS.ID.eq(id)).fetchOptional(this::to);
    }

    /** Inserts or updates the subscriber's settings; returns the id. */
    public long save(Subscription s, LocalDateTime now, String user) {
        MailSubscriptionsRecord r = s.id() == null ? dsl.newRecord(MAIL_SUBSCRIPTIONS)
                : dsl.selectFrom(MAIL_SUBSCRIPTIONS).where(MAIL_SUBSCRIPTIONS.ID.eq(s.id())).fetchOne();
        r.setEmail(s.email());
        r.setKind(s.kind());
        r.setDashboardId(s.kind().equals("dashboard") ? s.dashboardId() : null);
        r.setEstateCode(s.estateCode());
        r.setFrequency(s.frequency());
        r.setLocale(s.locale());
        r.setActive(s.active());
        r.setUpdatedAt(now);
        r.setUpdatedBy(user);
        if (s.id() == null) {
            r.setUsername(s.username());
            r.setCreatedBy(user);
            r.store();
            return dsl.select(DSL.max(MAIL_SUBSCRIPTIONS.ID)).from(MAIL_SUBSCRIPTIONS)
                    .where(MAIL_SUBSCRIPTIONS.USERNAME.eq(s.username())).fetchOne(0, Long.class);
        }
        RecordUpdates.update(r, "email");
        return s.id();
    }

    public void delete(long id) {
        dsl.deleteFrom(MAIL_SUBSCRIPTIONS).where(MAIL_SUBSCRIPTIONS.ID.eq(id)).execute();
    }

    /** Notes a delivery: sent on the day (error null) or failed with the error. */
    public void delivered(long id, LocalDate sentOn, String error) {
        var update = dsl.update(MAIL_SUBSCRIPTIONS).set(MAIL_SUBSCRIPTIONS.LAST_ERROR, error);
        if (sentOn != null) {
            update.set(MAIL_SUBSCRIPTIONS.LAST_SENT_ON, sentOn).where(MAIL_SUBSCRIPTIONS.ID.eq(id)).execute();
        } else {
            update.where(MAIL_SUBSCRIPTIONS.ID.eq(id)).execute();
        }
    }

    private Subscription to(MailSubscriptionsRecord r) {
        return new Subscription(r.getId(), r.getUsername(), r.getEmail(), r.getKind(), r.getDashboardId(),
                r.getEstateCode(), r.getFrequency(), r.getLocale(), Boolean.TRUE.equals(r.getActive()),
                r.getLastSentOn(), r.getLastError());
    }
}

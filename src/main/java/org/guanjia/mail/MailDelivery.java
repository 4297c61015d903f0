package org.guanjia.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.guanjia.base.CurrentUser;
import org.guanjia.base.ValidationException;
import org.guanjia.base.i18n.Messages;
import org.guanjia.dashboard.Dashboard;
import org.guanjia.dashboard.DashboardCatalog;
import org.guanjia.dashboard.DashboardExports;
import org.guanjia.dashboard.Filters;
import org.guanjia.workplan.PlanReport;
import org.guanjia.workplan.WorkPlanExports;
import org.guanjia.workplan.WorkPlanService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the due subscriptions (issue 9 point 4) through the SMTP server of {@code spring.mail.*}:
 * each day at {@code guanjia.mail.cron} every active subscription whose latest delivery day has
 * come and that was not sent since gets one message with one PDF — the dashboard's report (its
 * tables; charts are drawn by the browser and so are not in a mailed report) or the summaries
 * of the period. No SMTP host set = delivery is off. Runs as the system: subscribers are managers
 * and administrators, who see every cluster anyway.
 */
@Component
public class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    private final SubscriptionService subscriptions;
    private final DashboardCatalog dashboards;
    private final DashboardExports dashboardExports;
    private final WorkPlanService plans;
    private final WorkPlanExports planExports;
    private final ObjectProvider<JavaMailSender> sender;
    private final Messages messages;
    private final Clock clock;
    private final String host;
    private final String from;

    public MailDelivery(SubscriptionService subscriptions, DashboardCatalog dashboards,
            DashboardExports dashboardExports, WorkPlanService plans, WorkPlanExports planExports,
            ObjectProvider<JavaMailSender> sender, Messages messages, Clock clock,
            @Value("${spring.mail.host:}") String host, @Value("${guanjia.mail.from:guanjia@localhost}") String from) {
        this.subscriptions = subscriptions;
        this.dashboards = dashboards;
        this.dashboardExports = dashboardExports;
        this.plans = plans;
        this.planExports = planExports;
        this.sender = sender;
        this.messages = messages;
        this.clock = clock;
        this.host = host;
        this.from = from;
    }

    /** Mail is configured (an SMTP host is set). */
    public boolean enabled() {
        return host != null && !host.isBlank() && sender.getIfAvailable() != null;
    }

    @Scheduled(cron = "${guanjia.mail.cron:0 0 7 * * *}", zone = "${guanjia.timezone}")
    void scheduled() {
        if (!enabled()) {
            log.debug("Mail delivery is off (no spring.mail.host)");
            return;
        }
        int sent = sendDue();
        if (sent > 0) {
            log.info("Mail delivery: {} subscription(s) sent", sent);
        }
    }

    /** Sends every due subscription; returns how many were sent. */
    public int sendDue() {
        LocalDate today = LocalDate.now(clock);
        return CurrentUser.asSystem(() -> {
            int n = 0;
            for (Subscription s : subscriptions.active()) {
                if (DeliveryPeriod.due(s, today) && deliver(s, today)) {
                    n++;
                }
            }
            return n;
        });
    }

    /** Sends one subscription now (the "send now" button), for the latest period. */
    public void sendNow(long id) {
        Subscription s = subscriptions.get(id);
        if (!enabled()) {
            throw ValidationException.of("email", "mail.validation.disabled");
        }
        LocalDate today = LocalDate.now(clock);
        boolean ok = CurrentUser.asSystem(() -> deliver(s, today));
        if (!ok) {
            throw ValidationException.of("email", "mail.validation.failed",
                    subscriptions.get(id).lastError());
        }
    }

    private boolean deliver(Subscription s, LocalDate today) {
        DeliveryPeriod p = DeliveryPeriod.latest(s.frequency(), today);
        Locale locale = Locale.forLanguageTag(s.locale());
        try {
            String subject;
            byte[] pdf;
            String file;
            if (s.kind().equals("dashboard")) {
                Dashboard d = dashboards.find(s.dashboardId()).orElseThrow(() ->
                        new IllegalStateException("no dashboard " + s.dashboardId()));
                String grain = s.frequency().equals("quarterly") ? "quarter" : "month";
                Filters f = new Filters(grain, s.frequency().equals("weekly") ? p.lastMonth()
                        : p.firstMonth().minusMonths(s.frequency().equals("monthly") ? 2 : 9),
                        p.lastMonth(), s.estateCode(), null, null, null, null);
                pdf = dashboardExports.pdf(d, f, locale, Map.of());
                subject = t(locale, "mail.subject.dashboard", d.title(locale), p.from(), p.to());
                file = d.id() + "-" + p.to() + ".pdf";
            } else {
                List<PlanReport> reports = plans.summariesEnded(s.estateCode(), p.from(), p.to());
                subject = t(locale, "mail.subject.summaries", p.from(), p.to(), reports.size());
                pdf = planExports.pdf(reports, locale, subject);
                file = "summaries-" + p.to() + ".pdf";
            }
            send(s.email(), subject, t(locale, "mail.body", subject), file, pdf);
            subscriptions.delivered(s, today, null);
            return true;
        } catch (MessagingException | RuntimeException e) {
            log.warn("Mail to {} (subscription {}) failed: {}", s.email(), s.id(), e.toString());
            subscriptions.delivered(s, today, e.getMessage() == null ? e.toString() : e.getMessage());
            return false;
        }
    }

    private void send(String to, String subject, String text, String file, byte[] pdf)
            throws MessagingException {
        JavaMailSender mail = sender.getObject();
        MimeMessage m = mail.createMimeMessage();
        MimeMessageHelper h = new MimeMessageHelper(m, true, "UTF-8");
        h.setFrom(from);
        h.setTo(to);
        h.setSubject(subject);
        h.setText(text);
        h.addAttachment(file, new ByteArrayResource(pdf), "application/pdf");
        mail.send(m);
    }

    private String t(Locale locale, String key, Object... args) {
        return messages.getTranslation(key, locale, args);
    }
}

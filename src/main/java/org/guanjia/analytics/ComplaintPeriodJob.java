package org.guanjia.analytics;

import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Stores the closed complaint periods ({@link ComplaintPeriods}) on the schedule
 * {@code guanjia.kpi.close-cron} (every 10 minutes by default; "-" = never), and once when the
 * server has started. Nothing depends on it for correctness: kpi_complaints computes every
 * period not stored (or stored but changed since) from the complaints, only slower.
 */
@Component
public class ComplaintPeriodJob {

    private static final Logger log = LoggerFactory.getLogger(ComplaintPeriodJob.class);

    private final KpiSummaryMaintenance maintenance;
    private final Clock clock;
    private final boolean scheduled;

    ComplaintPeriodJob(KpiSummaryMaintenance maintenance, Clock clock,
            @Value("${guanjia.kpi.close-cron}") String cron) {
        this.maintenance = maintenance;
        this.clock = clock;
        this.scheduled = !cron.equals("-");
    }

    /**
     * Stores every period closed as of {@code today} that is not stored as it is now; one fill
     * at a time (the lock is held until the fill's transaction has committed).
     */
    public synchronized ComplaintPeriods.Filled fill(LocalDate today) {
        long start = System.nanoTime();
        ComplaintPeriods.Filled filled = maintenance.fillComplaintPeriods(today);
        if (filled.periods() > 0 || filled.dropped() > 0) {
            log.info("Closed complaint periods: {} stored ({} rows), {} stale dropped ({} ms)",
                    filled.periods(), filled.rows(), filled.dropped(),
                    (System.nanoTime() - start) / 1_000_000);
        }
        return filled;
    }

    @Scheduled(cron = "${guanjia.kpi.close-cron}", zone = "${guanjia.timezone}")
    void run() {
        try {
            fill(LocalDate.now(clock));
        } catch (RuntimeException e) {
            // the next run stores what this one did not; the figures never depend on it
            log.error("Storing the closed complaint periods failed", e);
        }
    }

    /**
     * The server's first fill, in the background: only with a web server running (not for the
     * command line, which fills on request only, nor in a test's mock web context).
     */
    @EventListener
    void started(ApplicationReadyEvent event) {
        if (scheduled && event.getApplicationContext() instanceof WebServerApplicationContext) {
            Thread thread = new Thread(this::run, "complaint-periods");
            thread.setDaemon(true);
            thread.start();
        }
    }
}

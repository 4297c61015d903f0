package org.guanjia.agenda;

import java.time.Clock;
import java.time.LocalDate;
import org.guanjia.analytics.KpiSummaryMaintenance;
import org.guanjia.base.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Records the agenda's compliance (which items fell due, when they were done) on the schedule
 * {@code guanjia.agenda.cron} (hourly by default), so the workload dashboard stays current.
 */
@Component
class AgendaJob {

    private static final Logger log = LoggerFactory.getLogger(AgendaJob.class);
    /** Collection steps whose window closed in the last week (the job runs hourly). */
    private static final int STEP_DAYS = 7;

    private final AgendaService agenda;
    private final KpiSummaryMaintenance summaries;
    private final Clock clock;

    AgendaJob(AgendaService agenda, KpiSummaryMaintenance summaries, Clock clock) {
        this.agenda = agenda;
        this.summaries = summaries;
        this.clock = clock;
    }

    @Scheduled(cron = "${guanjia.agenda.cron:0 10 * * * *}", zone = "${guanjia.timezone}")
    void run() {
        try {
            CurrentUser.asSystem(() -> agenda.record(LocalDate.now(clock), STEP_DAYS));
            // the butlers' work per month: the hour's rows of differences folded (V033)
            summaries.compactWork();
        } catch (RuntimeException e) {
            // the next run repeats the whole window, so nothing is lost by skipping one
            log.error("Recording the agenda failed", e);
        }
    }
}

package org.guanjia.analytics;

import java.sql.SQLException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Re-applies the KPI views after every Flyway migrate (Spring Boot hands Callback beans to
 * Flyway), so the server and the command line always run the views of their own jar.
 */
@Component
class KpiViewsCallback implements Callback {

    private static final Logger log = LoggerFactory.getLogger(KpiViewsCallback.class);

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        try {
            KpiViews.apply(context.getConnection());
            log.info("KPI views applied ({} files)", KpiViews.FILES.size());
            long start = System.nanoTime();
            // a database from before V020, or summaries of an older version: rebuild once
            if (KpiSummaries.rebuildIfStale(context.getConnection())) {
                log.info("KPI summaries rebuilt ({} ms)", (System.nanoTime() - start) / 1_000_000);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Applying the KPI views failed: " + e.getMessage(), e);
        }
    }

    @Override
    public String getCallbackName() {
        return "kpi-views";
    }
}

package org.guanjia.analytics;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the fee summary tables ({@link KpiSummaries}) equal to the statements and allocations,
 * in the writer's transaction: billing.AllocationService calls {@link #refreshUnits} after every
 * recompute (payments, corrections, statement runs, bank debits, imports, the demo), and
 * collection.CollectionService and the import call {@link #refreshPromises} after writing
 * collection actions.
 */
@Component
public class KpiSummaryMaintenance {

    private static final Logger log = LoggerFactory.getLogger(KpiSummaryMaintenance.class);

    private final DataSource dataSource;

    KpiSummaryMaintenance(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Replaces the summary rows of the units' buildings (everything when they are many). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void refreshUnits(Collection<String> unitCodes) {
        long start = System.nanoTime();
        Connection c = DataSourceUtils.getConnection(dataSource);
        try {
            int buildings = KpiSummaries.refreshUnits(c, unitCodes);
            log.debug("KPI summaries of {} units refreshed ({} buildings, {} ms)", unitCodes.size(),
                    buildings < 0 ? "all" : buildings, (System.nanoTime() - start) / 1_000_000);
        } catch (SQLException e) {
            throw new IllegalStateException("Refreshing the KPI summaries failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(c, dataSource);
        }
    }

    /** Replaces the promise checks of the units (after collection actions were written). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void refreshPromises(Collection<String> unitCodes) {
        if (unitCodes.isEmpty()) {
            return;
        }
        Connection c = DataSourceUtils.getConnection(dataSource);
        try {
            KpiSummaries.refreshPromises(c, unitCodes);
        } catch (SQLException e) {
            throw new IllegalStateException("Refreshing the promise checks failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(c, dataSource);
        }
    }

    /** Rebuilds every summary row from scratch (after a bulk load that bypassed the services). */
    @Transactional
    public void rebuild() {
        long start = System.nanoTime();
        Connection c = DataSourceUtils.getConnection(dataSource);
        try {
            KpiSummaries.rebuild(c);
            log.info("KPI summaries rebuilt ({} ms)", (System.nanoTime() - start) / 1_000_000);
        } catch (SQLException e) {
            throw new IllegalStateException("Rebuilding the KPI summaries failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(c, dataSource);
        }
    }
}

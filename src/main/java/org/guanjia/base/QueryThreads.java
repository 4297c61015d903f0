package org.guanjia.base;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * How many threads DuckDB gives one query, switched with the number of the app's connections in
 * use at once. DuckDB's setting is one for the whole database instance. A query alone (a
 * manager's dashboard at a quiet moment, a command) gets {@code full} threads: at 500,000 units
 * a large KPI query takes about two thirds of the time it takes on one. While two or more
 * connections are in use (users saving and reading at the same moment) each query gets
 * {@code shared} threads (1): the queries then already run side by side, and a query spread
 * over every core makes the saves next to it wait for a core — in the load test with 50 users
 * on two cores, payments' p95 was 476-553 ms with every core per query and 301-518 ms over six
 * runs with this switch, complaint steps 184-237 against 90-252 ms (docs/performance.md). Back to
 * {@code full} once at most one connection has been in use for {@code calmMillis}.
 *
 * <p>The setting is changed by a thread of its own on a connection of its own
 * ({@code SET threads}, which waits for DuckDB's workers to finish their current task: 10 ms on
 * average, up to 65 ms, measured while four threads queried): no request waits for it. Counted
 * are the connections handed out by the data sources {@link #counted} wraps (the main and the
 * read pool), not the KPI helper threads' (a dashboard's caller and its helper are one user).
 */
final class QueryThreads implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(QueryThreads.class);

    private final int full;
    private final int shared;
    private final long calmNanos;
    private final LongSupplier nanoTime;
    private final IntConsumer apply;
    /** The connection {@code apply} uses, closed with this (or null). */
    private final AutoCloseable connection;
    private final Object lock = new Object();
    private final Thread thread;
    /** Connections in use now. */
    private int active;
    /** When two or more were last in use (System.nanoTime), or never (calm from the start). */
    private long lastShared;
    private boolean everShared;
    /** The setting as last applied. */
    private int applied;
    private boolean closed;
    private long switches;

    /**
     * @param full       threads for a query alone (the setting at start)
     * @param shared     threads for each query while connections are in use side by side
     * @param calmMillis how long at most one connection must have been in use before going back
     * @param apply      sets the threads (called on this object's thread)
     * @param connection what {@code apply} uses, closed by {@link #close} (or null)
     */
    QueryThreads(int full, int shared, long calmMillis, LongSupplier nanoTime, IntConsumer apply,
            AutoCloseable connection) {
        this.full = full;
        this.shared = shared;
        this.calmNanos = TimeUnit.MILLISECONDS.toNanos(calmMillis);
        this.nanoTime = nanoTime;
        this.apply = apply;
        this.connection = connection;
        this.applied = full;
        this.thread = new Thread(this::run, "guanjia-duckdb-threads");
        thread.setDaemon(true);
        thread.start();
    }

    /** A data source whose connections count as in use from taken until closed. */
    DataSource counted(DataSource target) {
        return new DelegatingDataSource(target) {
            @Override
            public Connection getConnection() throws SQLException {
                return track(super.getConnection());
            }

            @Override
            public Connection getConnection(String username, String password) throws SQLException {
                return track(super.getConnection(username, password));
            }
        };
    }

    private Connection track(Connection c) {
        taken();
        boolean[] closedOnce = new boolean[1];
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0) {
                        synchronized (closedOnce) {
                            if (!closedOnce[0]) {
                                closedOnce[0] = true;
                                returned();
                            }
                        }
                    }
                    try {
                        return method.invoke(c, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    void taken() {
        synchronized (lock) {
            active++;
            if (active >= 2) {
                lastShared = nanoTime.getAsLong();
                everShared = true;
                lock.notifyAll();
            }
        }
    }

    void returned() {
        synchronized (lock) {
            if (active >= 2) {
                // the last moment of two at once: the calm is counted from here
                lastShared = nanoTime.getAsLong();
                everShared = true;
            }
            active = Math.max(0, active - 1);
            lock.notifyAll();
        }
    }

    /** The setting wanted now: shared while two are in use, full after the calm, else as is. */
    int wanted() {
        synchronized (lock) {
            return wantedLocked();
        }
    }

    private int wantedLocked() {
        if (active >= 2) {
            return shared;
        }
        if (!everShared || nanoTime.getAsLong() - lastShared >= calmNanos) {
            return full;
        }
        return applied;
    }

    /** How often the setting was changed (for the tests). */
    long switches() {
        synchronized (lock) {
            return switches;
        }
    }

    private void run() {
        while (true) {
            int target;
            synchronized (lock) {
                while (!closed && (target = wantedLocked()) == applied) {
                    long waitNanos = applied == shared && active < 2
                            ? calmNanos - (nanoTime.getAsLong() - lastShared) : 0;
                    try {
                        if (waitNanos > 0) {
                            TimeUnit.NANOSECONDS.timedWait(lock, waitNanos);
                        } else {
                            lock.wait();
                        }
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) {
                    return;
                }
                target = wantedLocked();
            }
            try {
                apply.accept(target);
            } catch (RuntimeException e) {
                // the next change tries again; a query meanwhile runs with the setting as it is
                log.warn("Could not set DuckDB's threads to {}: {}", target, e.toString());
            }
            synchronized (lock) {
                applied = target;
                switches++;
                lock.notifyAll();
            }
        }
    }

    /** Waits until the applied setting is {@code threads} (for the tests); false on timeout. */
    boolean awaitApplied(int threads, long timeoutMillis) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        synchronized (lock) {
            while (applied != threads) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return true;
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (connection != null) {
            try {
                connection.close();
            } catch (Exception e) {
                // closing: nothing more to do with it
                log.debug("Closing the threads' connection: {}", e.toString());
            }
        }
    }
}

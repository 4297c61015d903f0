package org.guanjia.base;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * DuckDB connections that keep their prepared statements: the driver prepares every statement
 * anew (parse, bind, plan), which on the small reads and writes of a save costs about as much
 * as running them (e.g. a complaint read back by its number: 20 ms prepared each time, 11 ms
 * from the cache). Each physical connection keeps the last {@value #DEFAULT_SIZE} statements
 * by their SQL text; {@code close()} on one clears its parameters and batch, closes its result
 * and leaves it for the next {@code prepareStatement} of the same text on that connection. A
 * statement that failed is closed for good. DuckDB binds a kept statement again by itself when
 * a table it reads was made again (the temporary tables of an allocation or import run), but
 * not when a macro it calls was replaced (DuckDB 1.4): whoever replaces macros calls
 * {@link #invalidateAll()} (analytics.KpiViews, at start-up), which empties every cache before
 * its next use.
 *
 * <p>Only {@code prepareStatement(String)} is cached, and only texts up to
 * {@value #MAX_SQL_LENGTH} characters (a bulk insert of many rows is used once). The pool
 * (Hikari) hands a connection to one thread at a time, so a cache is never used by two threads
 * at once; it is synchronised all the same.
 */
public final class StatementCache {

    static final int DEFAULT_SIZE = 128;
    static final int MAX_SQL_LENGTH = 8_000;

    /** Bumped by {@link #invalidateAll}: a cache made in an older epoch is emptied first. */
    private static final AtomicLong EPOCH = new AtomicLong();

    private StatementCache() {
    }

    /** Empties every connection's cache before its next statement (after macros were replaced). */
    public static void invalidateAll() {
        EPOCH.incrementAndGet();
    }

    /** A data source opening DuckDB connections to the URL, each with its statement cache. */
    public static DataSource dataSource(String jdbcUrl, int size) {
        return new CachingDataSource(jdbcUrl, size);
    }

    /** The connection with a statement cache of the given size in front of it. */
    public static Connection wrap(Connection target, int size) {
        return (Connection) Proxy.newProxyInstance(StatementCache.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new CachingConnection(target, size));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static Object unwrap(Object proxy, Object target, Method method, Object[] args)
            throws Throwable {
        Class<?> type = (Class<?>) args[0];
        if (method.getName().equals("isWrapperFor")) {
            return type.isInstance(proxy) || type.isInstance(target) || (Boolean) invoke(target, method, args);
        }
        if (type.isInstance(proxy)) {
            return proxy;
        }
        return type.isInstance(target) ? target : invoke(target, method, args);
    }

    /** The physical connection and its statements by SQL text, least recently used first. */
    private static final class CachingConnection implements InvocationHandler {
        private final Connection target;
        private final Map<String, Cached> statements;
        private long epoch = EPOCH.get();

        CachingConnection(Connection target, int size) {
            this.target = target;
            this.statements = new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
                    if (size() <= size) {
                        return false;
                    }
                    eldest.getValue().evicted = true;
                    if (!eldest.getValue().inUse) {
                        eldest.getValue().closeQuietly();
                    }
                    return true;
                }
            };
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (name.equals("prepareStatement") && args.length == 1
                    && ((String) args[0]).length() <= MAX_SQL_LENGTH) {
                return prepare((Connection) proxy, (String) args[0]);
            }
            if (name.equals("close")) {
                closeAll();
                return StatementCache.invoke(target, method, args);
            }
            if (name.equals("unwrap") || name.equals("isWrapperFor")) {
                return unwrap(proxy, target, method, args);
            }
            if (name.equals("equals")) {
                return proxy == args[0];
            }
            if (name.equals("hashCode")) {
                return System.identityHashCode(proxy);
            }
            if (name.equals("toString")) {
                return "StatementCache[" + target + "]";
            }
            return StatementCache.invoke(target, method, args);
        }

        private synchronized PreparedStatement prepare(Connection proxy, String sql) throws SQLException {
            if (epoch != EPOCH.get()) {
                epoch = EPOCH.get();
                // statements in use are closed by their holders, the rest now
                statements.values().forEach(c -> c.evicted = true);
                List<Cached> idle = statements.values().stream().filter(c -> !c.inUse).toList();
                statements.clear();
                idle.forEach(Cached::closeQuietly);
            }
            Cached c = statements.get(sql);
            if (c == null || c.inUse) {
                PreparedStatement fresh = target.prepareStatement(sql);
                if (c != null) {
                    // the same text open twice on this connection: the second is not kept
                    return fresh;
                }
                c = new Cached(this, fresh);
                statements.put(sql, c);
            }
            c.inUse = true;
            return c.handle(proxy);
        }

        private synchronized void release(Cached c, boolean broken) {
            c.inUse = false;
            if (broken || c.evicted) {
                c.closeQuietly();
                statements.values().remove(c);
            }
        }

        private synchronized void closeAll() {
            List<Cached> all = new ArrayList<>(statements.values());
            statements.clear();
            all.forEach(Cached::closeQuietly);
        }
    }

    /** One kept statement: the driver's, whether a caller holds it, whether it left the cache. */
    private static final class Cached {
        private final CachingConnection owner;
        private final PreparedStatement target;
        private boolean inUse;
        private boolean evicted;

        Cached(CachingConnection owner, PreparedStatement target) {
            this.owner = owner;
            this.target = target;
        }

        /** A new handle for one caller: its own closed flag, so a late second close is a no-op. */
        PreparedStatement handle(Connection proxy) {
            return (PreparedStatement) Proxy.newProxyInstance(StatementCache.class.getClassLoader(),
                    new Class<?>[] {PreparedStatement.class}, new Handle(this, proxy));
        }

        void closeQuietly() {
            try {
                target.close();
            } catch (SQLException | RuntimeException e) {
                // the connection is going or the statement is broken: nothing to keep
            }
        }
    }

    /** What one caller holds between prepareStatement and close. */
    private static final class Handle implements InvocationHandler {
        private final Cached cached;
        private final PreparedStatement target;
        private final Connection connection;
        private boolean failed;
        private boolean closed;

        Handle(Cached cached, Connection connection) {
            this.cached = cached;
            this.target = cached.target;
            this.connection = connection;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "close" -> {
                    if (!closed) {
                        closed = true;
                        cached.owner.release(cached, !reset());
                    }
                    return null;
                }
                case "isClosed" -> {
                    return closed;
                }
                case "getConnection" -> {
                    return connection;
                }
                case "unwrap", "isWrapperFor" -> {
                    return unwrap(proxy, target, method, args);
                }
                case "equals" -> {
                    return proxy == args[0];
                }
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                case "toString" -> {
                    return "StatementCache[" + target + "]";
                }
                default -> {
                    if (closed) {
                        throw new SQLException("The statement is closed");
                    }
                    try {
                        return StatementCache.invoke(target, method, args);
                    } catch (SQLException | RuntimeException e) {
                        failed = true;
                        throw e;
                    }
                }
            }
        }

        /** Ready for the next caller; false when it failed or cannot be reset. */
        private boolean reset() {
            if (failed) {
                return false;
            }
            try {
                ResultSet rs = target.getResultSet();
                if (rs != null) {
                    rs.close();
                }
                target.clearParameters();
                target.clearBatch();
                return !target.isClosed();
            } catch (SQLException | RuntimeException e) {
                return false;
            }
        }
    }

    /** Opens DuckDB connections through the driver, each wrapped with its cache. */
    private static final class CachingDataSource implements DataSource {
        private final String url;
        private final int size;
        private PrintWriter log;
        private int loginTimeout;

        CachingDataSource(String url, int size) {
            this.url = url;
            this.size = size;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return wrap(DriverManager.getConnection(url), size);
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return log;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
            this.log = out;
        }

        @Override
        public void setLoginTimeout(int seconds) {
            this.loginTimeout = seconds;
        }

        @Override
        public int getLoginTimeout() {
            return loginTimeout;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            if (iface.isInstance(this)) {
                return iface.cast(this);
            }
            throw new SQLException("Not a wrapper of " + iface);
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return iface.isInstance(this);
        }
    }
}

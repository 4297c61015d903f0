package org.guanjia.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.guanjia.Application;
import org.guanjia.base.DatabaseLock;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import picocli.CommandLine;

/**
 * The command line of the same jar (DESIGN.md "CLI"): {@code guanjia COMMAND …} runs one command
 * without the web server and exits. Arguments are parsed before anything starts, so a usage
 * error is reported at once; the application context (database, services, no web server) is
 * started only when a command runs. Standard output carries only the command's result; logs go
 * to standard error ({@code logback-cli.xml}).
 *
 * <p>Exit codes: 0 done, 1 data errors (a report was printed), 2 usage, 3 the database cannot
 * be opened (e.g. held by a running server).
 */
public final class Cli {

    public static final int OK = 0;
    public static final int DATA_ERRORS = 1;
    public static final int USAGE = 2;
    public static final int DATABASE_UNAVAILABLE = 3;

    /** Auto-configurations that need the web server, left out of a command's context. */
    private static final List<String> WEB_ONLY = List.of(
            "com.vaadin.flow.spring.SpringBootAutoConfiguration",
            "com.vaadin.flow.spring.SpringSecurityAutoConfiguration",
            "com.vaadin.hilla.EndpointController",
            "com.vaadin.hilla.push.PushConfigurer",
            "com.vaadin.hilla.ApplicationContextProvider",
            "com.vaadin.hilla.startup.EndpointRegistryInitializer",
            "com.vaadin.hilla.startup.RouteUnifyingServiceInitListener",
            "com.vaadin.hilla.route.RouteUtil",
            "com.vaadin.hilla.route.RouteUnifyingConfiguration",
            "com.vaadin.hilla.signals.config.SignalsConfiguration");

    private static final ThreadLocal<Session> SESSION = new ThreadLocal<>();

    private Cli() {
    }

    /** Whether the arguments name a command of the command line (else the web server starts). */
    public static boolean isCommand(String[] args) {
        if (args.length == 0) {
            return false;
        }
        String first = args[0];
        return new CommandLine(new GuanjiaCommand()).getSubcommands().containsKey(first)
                || first.equals("--help") || first.equals("-h") || first.equals("--version")
                || first.equals("-V");
    }

    /** Runs a command with the process's streams and settings. */
    public static int run(String[] args) {
        System.setProperty("logging.config", "classpath:logback-cli.xml");
        return run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true),
                Map.of());
    }

    /**
     * Runs a command; {@code properties} override the application's settings (tests point
     * {@code guanjia.db-path} at a temporary file).
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err,
            Map<String, Object> properties) {
        Session session = new Session(properties, err);
        SESSION.set(session);
        try {
            CommandLine commandLine = new CommandLine(new GuanjiaCommand());
            commandLine.setOut(out);
            commandLine.setErr(err);
            commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
                if (e instanceof DatabaseUnavailable unavailable) {
                    err.println(unavailable.getMessage());
                    return DATABASE_UNAVAILABLE;
                }
                throw e;
            });
            return commandLine.execute(args);
        } finally {
            SESSION.remove();
            session.close();
        }
    }

    /** The application context of the running command, started on first use. */
    static ConfigurableApplicationContext context() {
        Session session = SESSION.get();
        if (session == null) {
            throw new IllegalStateException("Not inside Cli.run");
        }
        return session.context();
    }

    /**
     * Overrides a setting for the running command; only before the context has started (in
     * {@code validate}), e.g. {@code demo --out} generates into a temporary database.
     */
    static void setting(String key, Object value) {
        Session session = SESSION.get();
        if (session == null || session.context != null) {
            throw new IllegalStateException("Settings change only before the command starts");
        }
        session.properties.put(key, value);
    }

    /**
     * The database file of the running command without starting the application: the
     * command's settings, then {@code -Dguanjia.db-path}, then {@code GUANJIA_DB}, then the
     * default of application.properties.
     */
    static Path databasePath() {
        String set = lookup("guanjia.db-path", "GUANJIA_DB");
        return Path.of(set == null ? "./data/guanjia.duckdb" : set);
    }

    /** A setting as the app would read it: the command's property, a system property, the environment. */
    private static String lookup(String property, String environment) {
        Session session = SESSION.get();
        Object set = session == null ? null : session.properties.get(property);
        if (set == null) {
            set = System.getProperty(property);
        }
        if (set == null) {
            set = System.getenv(environment);
        }
        return set == null ? null : set.toString();
    }

    /**
     * The estates' time zone ({@code guanjia.timezone}, {@code GUANJIA_TIMEZONE}, default
     * Asia/Shanghai), for a command that does not start the application: the backups' names
     * are in it.
     */
    static java.time.ZoneId timezone() {
        String set = lookup("guanjia.timezone", "GUANJIA_TIMEZONE");
        try {
            return java.time.ZoneId.of(set == null || set.isBlank() ? "Asia/Shanghai" : set);
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("GUANJIA_TIMEZONE (guanjia.timezone): no time zone '"
                    + set + "'; use a name such as Asia/Shanghai or Asia/Hong_Kong");
        }
    }

    /** Closes the running command's context (and its database) early. */
    static void closeContext() {
        Session session = SESSION.get();
        if (session != null) {
            session.close();
        }
    }

    private static final class Session {
        private final Map<String, Object> properties;
        private final PrintWriter err;
        private ConfigurableApplicationContext context;

        Session(Map<String, Object> properties, PrintWriter err) {
            this.properties = new LinkedHashMap<>(properties);
            this.err = err;
        }

        ConfigurableApplicationContext context() {
            if (context == null) {
                Map<String, Object> settings = new LinkedHashMap<>();
                settings.put("guanjia.demo", "false"); // the demo command fills on request only
                settings.put("spring.main.log-startup-info", "false");
                // the closed complaint periods are stored by the server (kpi-bench fills first)
                settings.put("guanjia.kpi.close-cron", "-");
                // Vaadin's (and Hilla's) auto-configuration needs a web application context
                settings.put("spring.autoconfigure.exclude", String.join(",", WEB_ONLY));
                settings.putAll(properties);
                refuseIfHeld(databasePath());
                try {
                    context = new SpringApplicationBuilder(Application.class)
                            .web(WebApplicationType.NONE)
                            .bannerMode(Banner.Mode.OFF)
                            // above application.properties, like command-line arguments
                            .initializers(ctx -> ctx.getEnvironment().getPropertySources()
                                    .addFirst(new MapPropertySource("cli", settings)))
                            .run();
                } catch (RuntimeException e) {
                    String held = DatabaseUnavailable.lockHolder(e);
                    if (held != null) {
                        throw new DatabaseUnavailable(held);
                    }
                    throw e;
                }
            }
            return context;
        }

        /**
         * A database file another process holds (DuckDB's lock) ends the command in one line
         * before the application starts: Spring would log its failed start in full (some 140
         * lines on standard error) before that line. Opening the file here costs a few
         * milliseconds; another problem with it is left to the application to report.
         */
        private static void refuseIfHeld(Path db) {
            if (!Files.exists(db)) {
                return;
            }
            String held;
            try {
                held = DatabaseLock.heldBy(db);
            } catch (SQLException e) {
                return;
            }
            if (held != null) {
                throw new DatabaseUnavailable(held);
            }
        }

        void close() {
            if (context != null) {
                ConfigurableApplicationContext closing = context;
                context = null;
                try {
                    closing.close();
                } catch (RuntimeException e) {
                    err.println("Closing the database failed: " + e.getMessage());
                }
            }
        }
    }
}

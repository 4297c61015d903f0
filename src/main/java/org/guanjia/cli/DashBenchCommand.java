package org.guanjia.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.guanjia.dashboard.Dashboard;
import org.guanjia.dashboard.DashboardCatalog;
import org.guanjia.dashboard.DashboardService;
import org.guanjia.dashboard.Filters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code dash-bench}: the server time to compute every panel of a dashboard with its default
 * filters, as the dashboard view does when it opens ({@link DashboardService#panels}, one
 * shared query per KPI query), issue 6 "Speed". One warm-up run, then --repeat runs; prints the
 * median and the slowest run of the whole dashboard and the median of each panel alone.
 */
@Command(name = "dash-bench", mixinStandardHelpOptions = true,
        description = "Time the panels of every shipped dashboard (or --dashboard ID) with the "
                + "default filters, as the view computes them on open (a benchmark).")
class DashBenchCommand extends SpringCommand {

    @Option(names = "--dashboard", paramLabel = "ID", description = "Only this dashboard (e.g. overview).")
    String dashboard;

    @Option(names = "--repeat", defaultValue = "5", description = "Timed runs after one warm-up "
            + "(default ${DEFAULT-VALUE}).")
    int repeat;

    // a plain flag: picocli sets a negatable option with default true to its default when
    // negated (--no-panels left the panels timed)
    @Option(names = "--no-panels", description = "Do not time each panel alone (as the export "
            + "computes it: every period of the range).")
    boolean noPanels;

    @Override
    protected void validate() {
        if (repeat < 1) {
            throw new ParameterException(spec.commandLine(), "--repeat must be at least 1");
        }
    }

    @Override
    protected int execute() {
        DashboardService service = bean(DashboardService.class);
        List<Dashboard> all = bean(DashboardCatalog.class).all().stream()
                .filter(d -> dashboard == null || d.id().equals(dashboard)).toList();
        if (all.isEmpty()) {
            err().println("No dashboard " + dashboard);
            return Cli.DATA_ERRORS;
        }
        out().printf(Locale.ROOT, "today %s, %d timed runs after a warm-up; %s%n", service.today(), repeat,
                KpiBenchCommand.load());
        out().println("dashboard,panel,median_ms,max_ms");
        for (Dashboard d : all) {
            Dashboard opened = service.open(d.id());
            Filters f = Filters.defaults(opened, service.today());
            service.panels(opened, f);
            List<Long> runs = new ArrayList<>();
            for (int i = 0; i < repeat; i++) {
                long t = System.nanoTime();
                service.panels(opened, f);
                runs.add((System.nanoTime() - t) / 1_000_000);
            }
            if (!noPanels) {
                for (Dashboard.Panel p : opened.panels()) {
                    List<Long> one = new ArrayList<>();
                    for (int i = 0; i < repeat; i++) {
                        long t = System.nanoTime();
                        service.panel(opened, p, f);
                        one.add((System.nanoTime() - t) / 1_000_000);
                    }
                    Collections.sort(one);
                    out().printf(Locale.ROOT, "%s,%s,%d,%d%n", d.id(), p.id(), one.get(one.size() / 2),
                            one.get(one.size() - 1));
                }
            }
            Collections.sort(runs);
            out().printf(Locale.ROOT, "%s,ALL %d panels (%s %s..%s),%d,%d%n", d.id(), opened.panels().size(),
                    f.grain(), f.from(), f.to(), runs.get(runs.size() / 2), runs.get(runs.size() - 1));
            out().flush();
        }
        out().println(KpiBenchCommand.load());
        return Cli.OK;
    }
}

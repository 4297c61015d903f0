package org.guanjia.cli;

import org.guanjia.analytics.KpiFormat;
import org.guanjia.analytics.KpiParameterException;
import org.guanjia.analytics.KpiQuery;
import org.guanjia.analytics.KpiService;
import org.guanjia.analytics.KpiTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;

/** {@code kpi DATASET …}: prints one KPI dataset of KPI.md as CSV or JSON. */
@Command(name = "kpi", mixinStandardHelpOptions = true,
        description = "Print a KPI dataset (KPI.md) as CSV or JSON: one row per scope and period.")
class KpiCommand extends SpringCommand {

    @Parameters(index = "0", paramLabel = "DATASET", description = "collection, aging, "
            + "complaints, complaint_categories, repairs, vacancy, satisfaction or workload.")
    String dataset;

    @Option(names = "--by", description = "estate, cluster, building or butler (default estate; "
            + "workload: butler).")
    String by;

    @Option(names = "--grain", description = "month, quarter or year (default month).")
    String grain;

    @Option(names = "--from", paramLabel = "yyyy-MM", description = "First month.")
    String from;

    @Option(names = "--to", paramLabel = "yyyy-MM", description = "Last month.")
    String to;

    @Option(names = "--as-of", paramLabel = "yyyy-MM-dd", description = "As-of date D "
            + "(default today). aging with --as-of alone: one row per scope on that date.")
    String asOf;

    @Option(names = "--estate", paramLabel = "CODE", description = "Only the scopes of an estate.")
    String estate;

    @Option(names = "--format", description = "csv or json (default ${DEFAULT-VALUE}).",
            defaultValue = "csv")
    String format;

    private KpiQuery query;

    @Override
    protected void validate() {
        if (!format.equals("csv") && !format.equals("json")) {
            throw new ParameterException(spec.commandLine(),
                    "--format: must be csv or json, not '" + format + "'");
        }
        try {
            query = KpiQuery.parse(dataset, by, grain, from, to, asOf, estate);
        } catch (KpiParameterException e) {
            throw new ParameterException(spec.commandLine(), option(e));
        }
    }

    @Override
    protected int execute() {
        KpiTable table;
        try {
            table = bean(KpiService.class).dataset(query);
        } catch (KpiParameterException e) {
            err().println(option(e));
            return Cli.USAGE;
        }
        out().print(format.equals("json") ? KpiFormat.json(table) : KpiFormat.csv(table));
        out().flush();
        return Cli.OK;
    }

    /** The message with the parameter spelled as the option ("--from: …", "DATASET: …"). */
    private static String option(KpiParameterException e) {
        String name = e.parameter().equals("dataset") ? "DATASET" : "--" + e.parameter();
        return name + e.getMessage().substring(e.parameter().length());
    }

}

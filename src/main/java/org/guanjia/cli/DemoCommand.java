package org.guanjia.cli;

import java.util.Optional;
import org.guanjia.demo.DemoReport;
import org.guanjia.demo.DemoService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code demo}: fills an empty database with the demo company. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Fill an empty database (GUANJIA_DB) with the demo company and its demo "
                + "accounts (password 'demo').")
class DemoCommand extends SpringCommand {

    @Option(names = "--seed", description = "Seed of the generator (default ${DEFAULT-VALUE}).",
            defaultValue = "20250101")
    long seed;

    @Option(names = "--scale", description = "1 = about 2,000 units (default ${DEFAULT-VALUE}).",
            defaultValue = "1.0")
    double scale;

    @Override
    protected void validate() {
        if (scale <= 0 || scale > 1000) {
            throw new ParameterException(spec.commandLine(),
                    "--scale must be above 0 and at most 1000");
        }
    }

    @Override
    protected int execute() {
        Optional<DemoReport> report = bean(DemoService.class).fillIfEmpty(seed, scale);
        if (report.isEmpty()) {
            err().println("The database already holds data; the demo fills only an empty one.");
            return Cli.DATA_ERRORS;
        }
        out().println("Demo data written:" + report.get().summary());
        return Cli.OK;
    }
}

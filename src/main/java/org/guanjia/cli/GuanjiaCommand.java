package org.guanjia.cli;

import picocli.CommandLine.Command;

/** The root of the command line; without a command the jar starts the web server. */
@Command(name = "guanjia", mixinStandardHelpOptions = true, version = "Guanjia 0.1",
        description = "Guanjia, the butlers' desk. Without a command (or with 'serve') the web "
                + "server starts. Settings come from the environment (GUANJIA_DB, …).",
        subcommands = {DemoCommand.class, ImportCommand.class, ExportCommand.class,
            KpiCommand.class, BenchImportCommand.class, KpiBenchCommand.class,
            BenchDataCommand.class, DashBenchCommand.class, BackupCommand.class,
            RestoreCommand.class, SoakCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:data errors (a report was printed)", "2:usage",
            "3:the database cannot be opened (held by a running server)"})
class GuanjiaCommand {
}

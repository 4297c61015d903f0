package org.guanjia.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.guanjia.backup.Restore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code restore BACKUP}: puts a backup in place of the database file. It does not start the
 * application (which would open, and migrate, the database it is about to replace).
 */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Replace the database (GUANJIA_DB) by a backup; the server must be stopped. The old"
                + " file is kept beside it as *.before-restore-<time>.")
class RestoreCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "BACKUP", description = "The backup file (guanjia-*.duckdb).")
    Path backup;

    @Override
    public Integer call() throws Exception {
        Path database = Cli.databasePath();
        java.time.ZoneId zone;
        try {
            zone = Cli.timezone();
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return Cli.USAGE;
        }
        try {
            Path kept = Restore.restore(backup, database, java.time.Clock.system(zone));
            spec.commandLine().getOut().println(database.toAbsolutePath());
            spec.commandLine().getErr().println("Restored " + backup + " as " + database.toAbsolutePath()
                    + (kept == null ? "" : "; the previous file is kept as " + kept));
            return Cli.OK;
        } catch (Restore.Refused e) {
            spec.commandLine().getErr().println(e.getMessage());
            return e.getMessage().contains("in use by another process") ? Cli.DATABASE_UNAVAILABLE : Cli.DATA_ERRORS;
        }
    }
}

package org.guanjia.cli;

import java.nio.file.Path;
import org.guanjia.backup.Backup;
import org.guanjia.backup.BackupService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code backup [--to DIR]}: writes a consistent copy of the database and prints its path. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Write a backup of the database (GUANJIA_DB) into the backup folder or --to DIR,"
                + " keeping the newest guanjia.backup.keep backups there; prints the backup's path.")
class BackupCommand extends SpringCommand {

    @Option(names = "--to", paramLabel = "DIR", description = "Folder for the backup (default: the configured"
            + " backup folder).")
    Path to;

    @Override
    protected int execute() {
        Backup b = bean(BackupService.class).create(to);
        out().println(b.file());
        err().printf("Backup written: %,d bytes%n", b.bytes());
        return Cli.OK;
    }
}

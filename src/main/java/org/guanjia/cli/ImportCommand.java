package org.guanjia.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.guanjia.base.i18n.Messages;
import org.guanjia.interchange.FileCounts;
import org.guanjia.interchange.ImportProblem;
import org.guanjia.interchange.ImportProgress;
import org.guanjia.interchange.ImportReport;
import org.guanjia.interchange.ImportService;
import org.guanjia.interchange.ImportSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;

/**
 * {@code import PATH [--dry-run]}: the files of the interchange format from a folder, a ZIP or
 * one file, all or nothing. Prints the counts per file and a summary; problems are printed as
 * {@code file:row: column: message} (English) and exit with 1.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import the interchange files (estates.csv, units.xlsx, ...) from a folder, a "
                + "ZIP or one file into the database (GUANJIA_DB): every row is checked first; on "
                + "any problem nothing is written and the problems are listed.")
class ImportCommand extends SpringCommand {

    @Parameters(index = "0", paramLabel = "PATH", description = "A folder, a .zip, or one .csv/.xlsx file.")
    Path path;

    @Option(names = "--dry-run", description = "Check and count only; write nothing.")
    boolean dryRun;

    @Override
    protected void validate() {
        if (!Files.exists(path)) {
            throw new ParameterException(spec.commandLine(), "No such file or folder: " + path);
        }
    }

    @Override
    protected int execute() {
        Messages messages = bean(Messages.class);
        ImportReport report;
        try (ImportSource source = ImportSource.of(path)) {
            report = bean(ImportService.class).run(source, dryRun, ImportProgress.NONE);
        }
        PrintWriter out = out();
        printCounts(out, report);
        if (!report.ok()) {
            for (ImportProblem p : report.problems()) {
                out.println(p.text((key, args) -> messages.getTranslation(key, Locale.ENGLISH, args)));
            }
            if (report.problemCount() > report.problems().size()) {
                out.printf("... and %,d more problems%n", report.problemCount() - report.problems().size());
            }
            out.printf("Refused: %,d problems, nothing written.%n", report.problemCount());
            return Cli.DATA_ERRORS;
        }
        out.printf(Locale.ROOT, "%s %,d rows from %d files in %.1f s%s%n",
                report.dryRun() ? "Checked" : "Imported", report.rows(), report.files().size(),
                report.took().toMillis() / 1000.0, report.dryRun() ? " (dry run, nothing written)." : ".");
        return Cli.OK;
    }

    static void printCounts(PrintWriter out, ImportReport report) {
        if (report.files().isEmpty()) {
            return;
        }
        out.printf("%-26s %12s %12s %12s %12s%n", "file", "rows", "new", "changed", "unchanged");
        for (FileCounts c : report.files()) {
            out.printf(Locale.ROOT, "%-26s %12d %12d %12d %12d%n", c.file(), c.rows(), c.created(), c.changed(),
                    c.unchanged());
        }
    }
}

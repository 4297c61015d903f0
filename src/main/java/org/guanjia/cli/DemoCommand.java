package org.guanjia.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.guanjia.demo.DemoReport;
import org.guanjia.demo.DemoService;
import org.guanjia.interchange.ExportFormat;
import org.guanjia.interchange.ExportService;
import org.guanjia.interchange.ExportSummary;
import org.guanjia.interchange.ExportTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code demo}: fills an empty database with the demo company, or with {@code --out DIR}
 * writes the demo company as interchange files (generated in a temporary database, which is
 * deleted afterwards; GUANJIA_DB is not touched).
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Fill an empty database (GUANJIA_DB) with the demo company and its demo "
                + "accounts (password 'demo'); with --out, write the demo data as interchange "
                + "files to DIR instead.")
class DemoCommand extends SpringCommand {

    @Option(names = "--seed", description = "Seed of the generator (default ${DEFAULT-VALUE}).",
            defaultValue = "20250101")
    long seed;

    @Option(names = "--scale", description = "1 = about 2,000 units (default ${DEFAULT-VALUE}).",
            defaultValue = "1.0")
    double scale;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Write the interchange files (CSV) to this folder or .zip instead.")
    Path out;

    private Path scratch;

    @Override
    protected void validate() {
        if (scale <= 0 || scale > 1000) {
            throw new ParameterException(spec.commandLine(),
                    "--scale must be above 0 and at most 1000");
        }
        if (out != null) {
            if (Files.isRegularFile(out) && !out.toString().toLowerCase().endsWith(".zip")) {
                throw new ParameterException(spec.commandLine(),
                        "--out must be a folder or a .zip file: " + out);
            }
            try {
                scratch = Files.createTempDirectory("guanjia-demo-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Cli.setting("guanjia.db-path", scratch.resolve("demo.duckdb").toString());
        }
    }

    @Override
    protected int execute() throws IOException {
        try {
            Optional<DemoReport> report = bean(DemoService.class).fillIfEmpty(seed, scale);
            if (report.isEmpty()) {
                err().println("The database already holds data; the demo fills only an empty one.");
                return Cli.DATA_ERRORS;
            }
            if (out == null) {
                out().println("Demo data written:" + report.get().summary());
                return Cli.OK;
            }
            ExportSummary summary;
            try (ExportTarget target = ExportTarget.of(out, ExportFormat.CSV)) {
                summary = bean(ExportService.class).export(target, Optional.empty(),
                        ExportService.ExportProgress.NONE);
            }
            for (ExportSummary.FileRows f : summary.files()) {
                out().printf("%-28s %,12d%n", f.file(), f.rows());
            }
            out().printf("Demo data written as %,d rows of interchange files to %s%n",
                    summary.rows(), out);
            return Cli.OK;
        } finally {
            if (scratch != null) {
                Cli.closeContext();
                deleteTree(scratch);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

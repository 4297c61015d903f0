package org.guanjia.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.guanjia.estate.EstateService;
import org.guanjia.interchange.ExportFormat;
import org.guanjia.interchange.ExportService;
import org.guanjia.interchange.ExportSummary;
import org.guanjia.interchange.ExportTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code export PATH [--estate CODE] [--format csv|xlsx]}: the data as interchange files. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write the data (or one estate's) as the interchange files of IMPORT.md: "
                + "to a folder, or to a ZIP when PATH ends in .zip.")
class ExportCommand extends SpringCommand {

    @Parameters(index = "0", paramLabel = "PATH", description = "Folder or .zip file to write.")
    Path path;

    @Option(names = "--estate", paramLabel = "CODE", description = "Only this estate.")
    String estate;

    @Option(names = "--format", paramLabel = "csv|xlsx",
            description = "File type (default ${DEFAULT-VALUE}).", defaultValue = "csv")
    String format;

    @Override
    protected void validate() {
        format();
    }

    private ExportFormat format() {
        return switch (format.toLowerCase()) {
            case "csv" -> ExportFormat.CSV;
            case "xlsx" -> ExportFormat.XLSX;
            default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--format must be csv or xlsx, not '" + format + "'");
        };
    }

    @Override
    protected int execute() throws Exception {
        if (estate != null && bean(EstateService.class).estate(estate).isEmpty()) {
            err().println("--estate: no estate has the code '" + estate + "'");
            return Cli.USAGE;
        }
        ExportSummary summary;
        try (ExportTarget target = ExportTarget.of(path, format())) {
            summary = bean(ExportService.class).export(target, Optional.ofNullable(estate),
                    (fraction, file) -> {
                        if (!file.isEmpty()) {
                            err().println("Writing " + file);
                        }
                    });
        }
        for (ExportSummary.FileRows f : summary.files()) {
            out().printf("%-28s %,12d%n", f.file(), f.rows());
        }
        out().printf("Exported %,d rows to %s in %.1f s%n", summary.rows(), path,
                summary.took().toMillis() / 1000.0);
        return Cli.OK;
    }
}

package org.guanjia.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.guanjia.demo.DemoService;
import org.guanjia.soak.AckFile;
import org.guanjia.soak.IntegrityCheck;
import org.guanjia.soak.SoakLoad;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code soak --ack FILE}: the write load of the crash test (README "Crash safety"). Saves
 * complaints, visits and payments through the real services from several threads and appends
 * each committed record's code to the acknowledgement file (fsync'ed); with {@code --check}
 * first checks the database against that file. An empty database is filled with the demo
 * company first ({@code --demo-scale}).
 */
@Command(name = "soak", mixinStandardHelpOptions = true,
        description = "Write load for crash tests: saves complaints, visits and payments through "
                + "the services from several threads until killed (or --seconds), appending "
                + "'KIND CODE' to the acknowledgement file after each commit. An empty database "
                + "is filled with the demo first. --check first verifies the database against "
                + "the acknowledgement file (exit 1 on any difference).")
class SoakCommand extends SpringCommand {

    @Option(names = "--ack", paramLabel = "FILE", required = true,
            description = "The acknowledgement file (appended to).")
    Path ack;

    @Option(names = "--threads", description = "Writing threads (default ${DEFAULT-VALUE}).",
            defaultValue = "4")
    int threads;

    @Option(names = "--seconds", description = "Stop after this many seconds (default: run "
            + "until killed; 0 with --check: check only).", defaultValue = "-1")
    int seconds;

    @Option(names = "--seed", description = "Seed of the random choices (default ${DEFAULT-VALUE}).",
            defaultValue = "1")
    long seed;

    @Option(names = "--check", description = "Check the database against the acknowledgement "
            + "file before the load: every acknowledged record present, allocations equal to a "
            + "fresh replay, complaints consistent, migrations valid.")
    boolean check;

    @Option(names = "--demo-scale", description = "Scale of the demo that fills an empty "
            + "database (default ${DEFAULT-VALUE}).", defaultValue = "0.02")
    double demoScale;

    @Override
    protected void validate() {
        if (threads < 1 || threads > 256) {
            throw new ParameterException(spec.commandLine(), "--threads must be 1 to 256");
        }
        if (seconds == 0 && !check) {
            throw new ParameterException(spec.commandLine(), "--seconds 0 only with --check");
        }
        if (demoScale <= 0 || demoScale > 1000) {
            throw new ParameterException(spec.commandLine(),
                    "--demo-scale must be above 0 and at most 1000");
        }
        // the crash test starts this command 20 times and more: only the beans the load and
        // the check use are created (Flyway still migrates and validates at start)
        Cli.setting("spring.main.lazy-initialization", "true");
    }

    @Override
    protected int execute() throws Exception {
        if (bean(SoakLoad.class).databaseIsEmpty()) {
            bean(DemoService.class).fillIfEmpty(20250101L, demoScale).ifPresent(r ->
                    out().println("demo filled rows=" + r.totalRows()));
            out().flush();
        }
        if (check) {
            Map<String, Set<String>> acks = AckFile.read(ack);
            IntegrityCheck.Report report = bean(IntegrityCheck.class).check(acks);
            report.differences().stream().limit(50).forEach(d -> out().println("difference: " + d));
            out().println(report.summary());
            out().flush();
            if (!report.ok()) {
                return Cli.DATA_ERRORS;
            }
            if (seconds == 0) {
                return Cli.OK;
            }
        }
        out().println("soak started threads=" + threads);
        out().flush();
        AtomicBoolean stop = new AtomicBoolean();
        SoakLoad.Counts counts;
        try (AckFile file = new AckFile(ack)) {
            counts = bean(SoakLoad.class).run(threads, seconds > 0 ? seconds * 1000L : 0, seed,
                    file, stop);
        }
        out().println(counts.summary());
        out().flush();
        return Cli.OK;
    }
}

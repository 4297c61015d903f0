package org.guanjia.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Crash safety (issue 10, point 1): the {@code soak} command saves complaints, visits and
 * payments through the real services in a separate JVM and is killed with SIGKILL at a random
 * moment while saving, again and again (at least 20 times); every start after a kill first
 * checks the database against the acknowledgement file ({@code soak --check}: every
 * acknowledged record there with its audit line, allocations equal to a fresh replay, no
 * payment over-allocated, complaints consistent, Flyway validates) and a last run only checks.
 *
 * <p>Each cycle costs one JVM start of the command (about 6-10 s on an idle 2-core machine)
 * plus 1-4 s of saving; {@code -Dsoak.kills=N} changes the number of kills.
 */
@Tag("crash")
class CrashSoakIT {

    private static final Logger log = LoggerFactory.getLogger(CrashSoakIT.class);

    private static final Pattern PAIR = Pattern.compile("([a-z_.\\-]+)=(\\S+)");

    @TempDir
    Path dir;

    @Test
    void no_acknowledged_record_is_lost_and_none_is_half_written_after_repeated_sigkills()
            throws Exception {
        int kills = Integer.getInteger("soak.kills", 20);
        long started = System.nanoTime();
        Path db = dir.resolve("soak.duckdb");
        Path ack = dir.resolve("soak.ack");
        Random random = new Random(Long.getLong("soak.seed", System.nanoTime()));
        long savesSeen = 0;
        List<Long> killedAfter = new ArrayList<>();
        for (int i = 0; i < kills; i++) {
            Run run = start(db, ack, i, i > 0, -1);
            long before = size(ack);
            run.awaitLine("soak started", 600);
            if (i > 0) {
                assertClean(run.check(), "after kill " + i);
            }
            // saving has begun once the acknowledgement file grows
            long deadline = System.currentTimeMillis() + 120_000;
            while (size(ack) == before) {
                if (!run.process.isAlive()) {
                    fail("soak run " + i + " ended before saving: exit " + run.process.exitValue()
                            + "\n" + run.tail());
                }
                if (System.currentTimeMillis() > deadline) {
                    fail("soak run " + i + " saved nothing within 2 minutes\n" + run.tail());
                }
                Thread.sleep(20);
            }
            long wait = 1000 + random.nextInt(3001);
            Thread.sleep(wait);
            assertThat(run.process.isAlive()).as("soak run %d alive until the kill\n%s", i, run.tail())
                    .isTrue();
            run.process.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no close
            assertThat(run.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(run.process.exitValue()).as("exit code of a SIGKILL").isEqualTo(137);
            killedAfter.add(wait);
            savesSeen = lines(ack);
        }
        Run last = start(db, ack, kills, true, 0);
        assertThat(last.process.waitFor(600, TimeUnit.SECONDS)).isTrue();
        last.drained();
        assertThat(last.process.exitValue()).as(last::tail).isZero();
        Map<String, String> check = last.check();
        assertClean(check, "at the end");
        Map<String, Set<String>> acks = AckFile.read(ack);
        for (String kind : List.of("complaint", "complaint-responded", "complaint-resolved",
                "visit", "payment")) {
            assertThat(acks.get(kind)).as("acknowledged %s", kind).isNotEmpty();
            assertThat(check.get("found." + kind)).as("found %s", kind)
                    .isEqualTo(String.valueOf(acks.get(kind).size()));
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        String summary = "kills=" + kills + " acknowledged lines=" + savesSeen + " "
                + acks.entrySet().stream().map(e -> "acked." + e.getKey() + "=" + e.getValue().size())
                        .toList()
                + " check: " + check + " kill delays (ms)=" + killedAfter + " time=" + seconds + " s";
        log.info("Crash soak: {}", summary);
        System.out.println("Crash soak: " + summary);
    }

    private static void assertClean(Map<String, String> check, String when) {
        assertThat(check).as("check %s", when).containsKey("differences");
        assertThat(check.get("differences")).as("differences %s: %s", when, check).isEqualTo("0");
        check.forEach((k, v) -> {
            if (k.startsWith("acked.")) {
                assertThat(check.get("found." + k.substring(6))).as("%s %s: %s", k, when, check)
                        .isEqualTo(v);
            }
        });
    }

    private static long size(Path file) throws IOException {
        return Files.exists(file) ? Files.size(file) : 0;
    }

    private static long lines(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file).size() : 0;
    }

    /** Starts {@code soak} in its own JVM on the test classpath. */
    private Run start(Path db, Path ack, int n, boolean check, int seconds) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"),
                "org.guanjia.Application", "soak", "--ack", ack.toString(), "--threads", "4",
                "--seed", String.valueOf(n)));
        if (check) {
            cmd.add("--check");
        }
        if (seconds >= 0) {
            cmd.addAll(List.of("--seconds", String.valueOf(seconds)));
        }
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("GUANJIA_DB", db.toString());
        pb.redirectError(dir.resolve("soak-" + n + ".err").toFile());
        return new Run(pb.start(), dir.resolve("soak-" + n + ".err"));
    }

    /** A running soak command and the lines of its standard output. */
    private static final class Run {
        final Process process;
        final Path err;
        final List<String> out = Collections.synchronizedList(new ArrayList<>());
        final Thread reader;

        Run(Process process, Path err) {
            this.process = process;
            this.err = err;
            reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(
                        process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        out.add(line);
                    }
                } catch (IOException e) {
                    // the process was killed
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        void awaitLine(String prefix, int seconds) throws InterruptedException {
            long deadline = System.currentTimeMillis() + seconds * 1000L;
            while (out.stream().noneMatch(l -> l.startsWith(prefix))) {
                if (!process.isAlive()) {
                    reader.join(5000);
                    if (out.stream().anyMatch(l -> l.startsWith(prefix))) {
                        return;
                    }
                    fail("soak ended (exit " + process.exitValue() + ") before '" + prefix
                            + "'\n" + tail());
                }
                if (System.currentTimeMillis() > deadline) {
                    fail("no '" + prefix + "' from soak within " + seconds + " s\n" + tail());
                }
                Thread.sleep(20);
            }
        }

        void drained() throws InterruptedException {
            reader.join(10_000);
        }

        /** The key=value pairs of the "check …" line. */
        Map<String, String> check() {
            Map<String, String> pairs = new LinkedHashMap<>();
            synchronized (out) {
                for (String line : out) {
                    if (line.startsWith("check ")) {
                        Matcher m = PAIR.matcher(line);
                        while (m.find()) {
                            pairs.put(m.group(1), m.group(2));
                        }
                    }
                }
            }
            return pairs;
        }

        String tail() {
            StringBuilder s = new StringBuilder();
            synchronized (out) {
                out.forEach(l -> s.append("out: ").append(l).append('\n'));
            }
            try {
                List<String> lines = Files.readAllLines(err);
                lines.subList(Math.max(0, lines.size() - 40), lines.size())
                        .forEach(l -> s.append("err: ").append(l).append('\n'));
            } catch (IOException e) {
                s.append("(no standard error: ").append(e).append(")\n");
            }
            return s.toString();
        }
    }
}

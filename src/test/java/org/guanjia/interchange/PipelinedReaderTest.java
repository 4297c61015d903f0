package org.guanjia.interchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PipelinedReaderTest {

    /** Collects the calls as text, on the caller's thread. */
    static class Collect implements RowSink {
        final List<String> calls = new ArrayList<>();
        final Thread thread = Thread.currentThread();

        @Override
        public void header(List<String> names) {
            check();
            calls.add("header " + names);
        }

        @Override
        public void row(long rowNumber, List<String> cells) {
            check();
            calls.add(rowNumber + " " + cells);
        }

        @Override
        public void fatal(long rowNumber, String messageKey, Object... args) {
            check();
            calls.add("fatal " + rowNumber + " " + messageKey + " " + List.of(args));
        }

        private void check() {
            assertThat(Thread.currentThread()).isSameAs(thread);
        }
    }

    @Test
    void every_call_reaches_the_sink_in_order_on_the_callers_thread_even_when_the_reader_reuses_its_list()
            throws IOException {
        int rows = PipelinedReader.BATCH * PipelinedReader.BATCHES * 3 + 7;
        Collect sink = new Collect();

        PipelinedReader.read("test", s -> {
            List<String> reused = new ArrayList<>(List.of("a", "b"));
            s.header(reused);
            for (int i = 2; i <= rows + 1; i++) {
                reused.set(0, "r" + i);
                s.row(i, reused);
            }
            s.fatal(rows + 2, "imp.problem.csvSyntax", "x");
        }, sink);

        assertThat(sink.calls).hasSize(rows + 2);
        assertThat(sink.calls.get(0)).isEqualTo("header [a, b]");
        assertThat(sink.calls.get(1)).isEqualTo("2 [r2, b]");
        assertThat(sink.calls.get(rows)).isEqualTo((rows + 1) + " [r" + (rows + 1) + ", b]");
        assertThat(sink.calls.get(rows + 1)).isEqualTo("fatal " + (rows + 2) + " imp.problem.csvSyntax [x]");
    }

    @Test
    void what_the_reader_throws_reaches_the_caller_after_the_rows_before_it() {
        Collect sink = new Collect();

        assertThatThrownBy(() -> PipelinedReader.read("test", s -> {
            s.row(2, List.of("only"));
            throw new IOException("disk gone");
        }, sink)).isInstanceOf(IOException.class).hasMessage("disk gone");
        assertThat(sink.calls).containsExactly("2 [only]");
    }

    @Test
    void when_the_sink_fails_the_reader_stops_instead_of_reading_the_rest() throws InterruptedException {
        AtomicLong produced = new AtomicLong();
        RowSink failing = new Collect() {
            @Override
            public void row(long rowNumber, List<String> cells) {
                throw new IllegalStateException("sink broke at " + rowNumber);
            }
        };

        assertThatThrownBy(() -> PipelinedReader.read("test", s -> {
            for (long i = 2; i < 100_000_000L; i++) {
                s.row(i, List.of("x"));
                produced.incrementAndGet();
            }
        }, failing)).isInstanceOf(IllegalStateException.class).hasMessage("sink broke at 2");
        Thread.sleep(500);
        long after = produced.get();
        Thread.sleep(300);

        assertThat(produced.get()).isEqualTo(after).isLessThan(1_000_000);
    }
}

package org.guanjia.interchange;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;

/**
 * Runs a file reader (CSV or XLSX parsing) on a thread of its own and hands what it reads to the
 * sink on the caller's thread, in order, through a small bounded queue: parsing the next rows
 * overlaps with checking and appending the previous ones, which roughly halves the reading time
 * of a large file on two cores. Memory stays bounded ({@link #BATCHES} batches of
 * {@link #BATCH} rows). The sink is only ever called on the caller's thread, so it needs no
 * locking (it appends to DuckDB through the caller's connection).
 */
final class PipelinedReader {

    /** Reads a whole file into a sink. */
    @FunctionalInterface
    interface Reader {
        void read(RowSink sink) throws IOException;
    }

    static final int BATCH = 1024;
    static final int BATCHES = 16;

    private static final long POLL_MS = 100;

    private PipelinedReader() {
    }

    /** One call the reader made on its sink. */
    private record Call(long row, List<String> cells, boolean header, String messageKey, Object[] args) {

        void replay(RowSink sink) {
            if (header) {
                sink.header(cells);
            } else if (messageKey != null) {
                sink.fatal(row, messageKey, args);
            } else {
                sink.row(row, cells);
            }
        }
    }

    /** The end of the reader's calls, with what it threw, if anything. */
    private record End(Throwable failure) {
    }

    static void read(String name, Reader reader, RowSink sink) throws IOException {
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(BATCHES);
        Producer producer = new Producer(reader, queue);
        Thread thread = new Thread(producer, "import-reader-" + name);
        thread.setDaemon(true);
        thread.start();
        boolean finished = false;
        try {
            while (true) {
                Object next = queue.take();
                if (next instanceof End end) {
                    finished = true;
                    rethrow(end.failure());
                    return;
                }
                @SuppressWarnings("unchecked")
                List<Call> batch = (List<Call>) next;
                for (Call call : batch) {
                    call.replay(sink);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while reading " + name, e);
        } finally {
            if (!finished) {
                // the sink failed: stop the reader, which waits for room in the queue
                producer.cancelled = true;
                queue.clear();
            }
        }
    }

    private static void rethrow(Throwable failure) throws IOException {
        if (failure == null) {
            return;
        }
        if (failure instanceof IOException io) {
            throw io;
        }
        if (failure instanceof RuntimeException re) {
            throw re;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        throw new IllegalStateException(failure);
    }

    private static final class Producer implements Runnable, RowSink {

        private final Reader reader;
        private final BlockingQueue<Object> queue;
        private List<Call> batch = new ArrayList<>(BATCH);
        volatile boolean cancelled;

        Producer(Reader reader, BlockingQueue<Object> queue) {
            this.reader = reader;
            this.queue = queue;
        }

        @Override
        public void run() {
            Throwable failure = null;
            try {
                reader.read(this);
            } catch (CancellationException e) {
                return;
            } catch (Throwable t) {
                failure = t;
            }
            try {
                // the rows read before a failure still reach the sink, then the failure
                flush();
                put(new End(failure));
            } catch (CancellationException e) {
                // nobody is waiting any more
            }
        }

        @Override
        public void header(List<String> names) {
            add(new Call(1, new ArrayList<>(names), true, null, null));
        }

        // copied: a reader may reuse its list for the next row (the XLSX reader does)
        @Override
        public void row(long rowNumber, List<String> cells) {
            add(new Call(rowNumber, new ArrayList<>(cells), false, null, null));
        }

        @Override
        public void fatal(long rowNumber, String messageKey, Object... args) {
            add(new Call(rowNumber, null, false, messageKey, args));
        }

        private void add(Call call) {
            batch.add(call);
            if (batch.size() == BATCH) {
                flush();
            }
        }

        private void flush() {
            if (!batch.isEmpty()) {
                put(batch);
                batch = new ArrayList<>(BATCH);
            }
        }

        private void put(Object item) {
            if (cancelled) {
                throw new CancellationException();
            }
            try {
                while (!queue.offer(item, POLL_MS, TimeUnit.MILLISECONDS)) {
                    if (cancelled) {
                        throw new CancellationException();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException();
            }
        }
    }
}

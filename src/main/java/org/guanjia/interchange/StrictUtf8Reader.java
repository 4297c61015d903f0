package org.guanjia.interchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 strictly, and fails at the right place: the characters before a malformed byte
 * are delivered first, the failure comes with the next read, so a CSV parser reading ahead
 * still fails on the record that holds the bad byte. Also refuses to deliver more than
 * {@code guard} characters past the last {@link #mark()}, so one endless cell cannot fill the
 * memory.
 */
final class StrictUtf8Reader extends Reader {

    /** The input is not UTF-8. */
    static final class NotUtf8 extends IOException {
        NotUtf8() {
            super("not UTF-8");
        }
    }

    /** More characters since the last mark than a row may hold. */
    static final class RowTooLong extends IOException {
        RowTooLong() {
            super("row too long");
        }
    }

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
    private final CharBuffer chars = CharBuffer.allocate(64 * 1024);
    private final long guard;
    private boolean eof;
    private boolean malformed;
    private long delivered;
    private long markedAt;

    StrictUtf8Reader(InputStream in, long guard) {
        this.in = in;
        this.guard = guard;
        bytes.flip();
        chars.flip();
    }

    /** A row ended here. */
    void mark() {
        markedAt = delivered;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!chars.hasRemaining()) {
            if (malformed) {
                throw new NotUtf8();
            }
            if (!fill()) {
                return -1;
            }
        }
        if (delivered - markedAt > guard) {
            throw new RowTooLong();
        }
        int n = Math.min(len, chars.remaining());
        chars.get(buf, off, n);
        delivered += n;
        return n;
    }

    /** Decodes more characters; false at the end of the input. */
    private boolean fill() throws IOException {
        chars.clear();
        try {
            while (chars.position() == 0) {
                if (!bytes.hasRemaining() || !eof) {
                    bytes.compact();
                    int r = eof ? -1 : in.read(bytes.array(), bytes.position(), bytes.remaining());
                    if (r < 0) {
                        eof = true;
                    } else {
                        bytes.position(bytes.position() + r);
                    }
                    bytes.flip();
                }
                CoderResult result = decoder.decode(bytes, chars, eof);
                if (result.isError()) {
                    malformed = true;
                    break;
                }
                if (eof) {
                    if (decoder.flush(chars).isError()) {
                        malformed = true;
                    }
                    break;
                }
            }
        } finally {
            chars.flip();
        }
        return chars.hasRemaining() || malformed;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}

package org.guanjia.soak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The acknowledgement file of the soak load: one line {@code KIND CODE} per committed save,
 * forced to the disk before the next save of that thread starts, so a line in the file means
 * "the application told its user this was saved".
 */
public final class AckFile implements AutoCloseable {

    private final FileChannel channel;

    public AckFile(Path file) throws IOException {
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
    }

    /** Appends one line and forces it (and the file's metadata) to the disk. */
    public synchronized void ack(String kind, String code) {
        ByteBuffer line = ByteBuffer.wrap((kind + " " + code + "\n").getBytes(StandardCharsets.UTF_8));
        try {
            while (line.hasRemaining()) {
                channel.write(line);
            }
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /**
     * The acknowledged codes by kind. A last line without its newline was cut by the kill while
     * being written and was never acknowledged, so it is left out.
     */
    public static Map<String, Set<String>> read(Path file) throws IOException {
        Map<String, Set<String>> acks = new TreeMap<>();
        if (!Files.exists(file)) {
            return acks;
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        if (end < 0) {
            return acks;
        }
        for (String line : text.substring(0, end).split("\n")) {
            String[] parts = line.strip().split(" ");
            if (parts.length == 2) {
                acks.computeIfAbsent(parts[0], k -> new LinkedHashSet<>()).add(parts[1]);
            } else if (!line.isBlank()) {
                acks.computeIfAbsent("malformed", k -> new LinkedHashSet<>()).add(line);
            }
        }
        return acks;
    }
}

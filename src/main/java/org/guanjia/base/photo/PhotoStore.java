package org.guanjia.base.photo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.guanjia.base.GuanjiaProperties;
import org.guanjia.base.ValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Photos attached to records (a patrol finding ...), kept as files outside the database in
 * {@code guanjia.photos.dir} (default: {@code photos} next to the database file) and referenced
 * by a key such as {@code 2025/04/3f2c….jpg}. Only JPEG, PNG and WebP are accepted, recognised
 * by their first bytes, not by the name the browser sent; the size is limited by
 * {@code guanjia.photos.max-bytes}. Callers check who may see a record before reading its photo.
 */
@Component
public class PhotoStore {

    private static final Logger log = LoggerFactory.getLogger(PhotoStore.class);
    private static final Pattern KEY = Pattern.compile("\\d{4}/\\d{2}/[0-9a-f\\-]{36}\\.(jpg|png|webp)");

    private final Path dir;
    private final long maxBytes;
    private final Clock clock;

    public PhotoStore(GuanjiaProperties app, PhotoProperties props, Clock clock) {
        Path db = app.dbPath().toAbsolutePath();
        this.dir = props.dir() != null && !props.dir().isBlank() ? Path.of(props.dir()).toAbsolutePath()
                : (db.getParent() != null ? db.getParent() : Path.of(".")).resolve("photos");
        this.maxBytes = props.maxBytes();
        this.clock = clock;
    }

    public Path dir() {
        return dir;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** The image type of the content by its magic bytes: jpg, png, webp, or empty. */
    public static Optional<String> imageType(byte[] b) {
        if (b == null) {
            return Optional.empty();
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return Optional.of("jpg");
        }
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G'
                && b[4] == 0x0D && b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A) {
            return Optional.of("png");
        }
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F'
                && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
            return Optional.of("webp");
        }
        return Optional.empty();
    }

    /**
     * Checks a photo before anything is written; the problem is reported on {@code field}.
     */
    public void check(String field, byte[] content) {
        if (content == null || content.length == 0 || imageType(content).isEmpty()) {
            throw ValidationException.of(field, "photo.validation.notImage");
        }
        if (content.length > maxBytes) {
            throw ValidationException.of(field, "photo.validation.tooLarge", maxBytes / (1024 * 1024));
        }
    }

    /**
     * Stores the photo and returns its key. Inside a transaction the file is removed again if
     * the transaction rolls back, so no photo outlives the record that was to reference it.
     */
    public String store(String field, byte[] content) {
        check(field, content);
        LocalDate today = LocalDate.now(clock);
        String key = String.format("%04d/%02d/%s.%s", today.getYear(), today.getMonthValue(),
                UUID.randomUUID(), imageType(content).orElseThrow());
        Path file = dir.resolve(key);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, content, StandardOpenOption.CREATE_NEW);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store photo " + file, e);
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        delete(key);
                    }
                }
            });
        }
        log.debug("stored photo {} ({} bytes)", key, content.length);
        return key;
    }

    /** The photo's bytes; empty for an unknown or malformed key. */
    public Optional<byte[]> read(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            return Optional.empty();
        }
        Path file = dir.resolve(key);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read photo " + file, e);
        }
    }

    /** The MIME type for a key's extension. */
    public static String mimeType(String key) {
        if (key.endsWith(".png")) {
            return "image/png";
        }
        return key.endsWith(".webp") ? "image/webp" : "image/jpeg";
    }

    void delete(String key) {
        if (key != null && KEY.matcher(key).matches()) {
            try {
                Files.deleteIfExists(dir.resolve(key));
            } catch (IOException e) {
                log.warn("cannot delete photo {}: {}", key, e.getMessage());
            }
        }
    }
}

package org.guanjia.base.photo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import javax.imageio.ImageIO;
import org.guanjia.base.GuanjiaProperties;
import org.guanjia.base.ValidationException;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PhotoStoreTest {

    @TempDir
    Path tmp;

    private PhotoStore store(String dir, long maxBytes) {
        GuanjiaProperties app = new GuanjiaProperties(tmp.resolve("db").resolve("g.duckdb"), false, null, 0, 0,
                0, null);
        Clock clock = Clock.fixed(Instant.parse("2025-04-01T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
        return new PhotoStore(app, new PhotoProperties(dir, maxBytes), clock);
    }

    static byte[] png() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    @Test
    void a_png_is_stored_next_to_the_database_and_read_back_by_its_key() throws Exception {
        PhotoStore s = store(null, 0);
        byte[] png = png();
        String key = s.store("photo", png);
        assertThat(key).matches("2025/04/[0-9a-f-]{36}\\.png");
        assertThat(s.dir()).isEqualTo(tmp.resolve("db").resolve("photos").toAbsolutePath());
        assertThat(Files.readAllBytes(s.dir().resolve(key))).isEqualTo(png);
        assertThat(s.read(key)).contains(png);
        assertThat(PhotoStore.mimeType(key)).isEqualTo("image/png");
    }

    @Test
    void jpeg_and_webp_are_recognised_by_their_first_bytes_whatever_their_name() {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'};
        byte[] webp = "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(PhotoStore.imageType(jpeg)).contains("jpg");
        assertThat(PhotoStore.imageType(webp)).contains("webp");
        assertThat(PhotoStore.imageType("GIF89a".getBytes(StandardCharsets.US_ASCII))).isEmpty();
    }

    @Test
    void a_non_image_is_refused_and_nothing_is_written() {
        PhotoStore s = store(tmp.resolve("p").toString(), 0);
        byte[] pdf = "%PDF-1.7 pretending to be photo.jpg".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> s.store("photo", pdf)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.problems().get(0).messageKey()).isEqualTo("photo.validation.notImage"));
        assertThat(tmp.resolve("p")).doesNotExist();
    }

    @Test
    void a_photo_over_the_size_limit_is_refused() throws Exception {
        byte[] png = png();
        PhotoStore s = store(tmp.resolve("p").toString(), png.length - 1);
        assertThatThrownBy(() -> s.store("photo", png)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.problems().get(0).messageKey()).isEqualTo("photo.validation.tooLarge"));
        assertThat(store(tmp.resolve("p").toString(), png.length).store("photo", png)).endsWith(".png");
    }

    @Test
    void keys_that_leave_the_folder_are_not_read() throws Exception {
        PhotoStore s = store(tmp.resolve("p").toString(), 0);
        Files.writeString(tmp.resolve("secret.txt"), "x");
        assertThat(s.read("../secret.txt")).isEmpty();
        assertThat(s.read("2025/04/../../../secret.txt")).isEmpty();
    }
}

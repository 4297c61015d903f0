package org.guanjia.base.pdf;

import com.lowagie.text.pdf.BaseFont;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fonts of generated PDFs: Noto Sans CJK (Debian package {@code fonts-noto-cjk}, installed by
 * the test script and the Docker image) in its Simplified or Traditional Chinese face, which
 * also covers Latin text; WenQuanYi Zen Hei as a second choice; Helvetica (Latin only) with a
 * warning when neither is installed. The font is embedded as a subset.
 */
public final class PdfFonts {

    private static final Logger log = LoggerFactory.getLogger(PdfFonts.class);

    private static final String NOTO = "/usr/share/fonts/opentype/noto/NotoSansCJK-";
    private static final String WQY = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";

    private static final Map<String, BaseFont> CACHE = new ConcurrentHashMap<>();

    private PdfFonts() {
    }

    /** The regular or bold face for text in the given locale. */
    public static BaseFont font(Locale locale, boolean bold) {
        boolean traditional = "TW".equals(locale.getCountry()) || "HK".equals(locale.getCountry())
                || "Hant".equals(locale.getScript());
        // Faces in the Noto CJK collection: 0 JP, 1 KR, 2 SC, 3 TC, 4 HK.
        String noto = NOTO + (bold ? "Bold" : "Regular") + ".ttc," + (traditional ? 3 : 2);
        for (String candidate : List.of(noto, WQY + ",0")) {
            String file = candidate.substring(0, candidate.lastIndexOf(','));
            if (Files.isReadable(Path.of(file))) {
                return CACHE.computeIfAbsent(candidate, PdfFonts::load);
            }
        }
        return CACHE.computeIfAbsent(bold ? BaseFont.HELVETICA_BOLD : BaseFont.HELVETICA, name -> {
            log.warn("No CJK font found (install the Debian package fonts-noto-cjk); PDFs will "
                    + "show Latin text only");
            return load(name);
        });
    }

    private static BaseFont load(String name) {
        try {
            boolean builtIn = !name.startsWith("/");
            return BaseFont.createFont(name, builtIn ? BaseFont.CP1252 : BaseFont.IDENTITY_H,
                    builtIn ? BaseFont.NOT_EMBEDDED : BaseFont.EMBEDDED);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot load the PDF font " + name, e);
        }
    }
}

package org.guanjia.collection.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.StreamResource;
import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.function.Supplier;
import org.guanjia.collection.LawyerLetterService;

/** Links that download lawyer's letters as PDF, in the reader's language. */
final class LetterDownloads {

    private LetterDownloads() {
    }

    /** A link to the recorded letter. */
    static Anchor letter(LawyerLetterService letters, String letterNo, String text, Locale locale) {
        return anchor("letter-" + letterNo, letterNo + ".pdf", text,
                () -> letters.pdf(letterNo, locale));
    }

    /** The same link as an icon with its text as tooltip, for narrow grid columns. */
    static Anchor icon(LawyerLetterService letters, String letterNo, String text, Locale locale) {
        Anchor a = anchor("letter-" + letterNo, letterNo + ".pdf", null,
                () -> letters.pdf(letterNo, locale));
        a.getElement().setAttribute("title", text);
        a.getElement().setAttribute("aria-label", text);
        return a;
    }

    /** A link to the draft letter of a unit (not recorded). */
    static Anchor draft(LawyerLetterService letters, String unitCode, String text, Locale locale) {
        return anchor("letter-draft", "draft-" + unitCode + ".pdf", text,
                () -> letters.draftPdf(unitCode, locale));
    }

    private static Anchor anchor(String id, String fileName, String text, Supplier<byte[]> pdf) {
        StreamResource resource = new StreamResource(fileName, () -> new ByteArrayInputStream(pdf.get()));
        resource.setContentType("application/pdf");
        Anchor a = new Anchor(resource, "");
        a.add(VaadinIcon.DOWNLOAD_ALT.create());
        if (text != null) {
            a.add(" " + text);
        }
        a.getElement().setAttribute("download", true);
        a.setId(id);
        return a;
    }
}

package org.guanjia.base.pdf;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.IOException;

/** The text of a generated PDF, for assertions in tests. */
public final class PdfText {

    private PdfText() {
    }

    /** All pages' text, pages separated by a form feed; also checks the file parses as a PDF. */
    public static String of(byte[] pdf) {
        try {
            PdfReader reader = new PdfReader(pdf);
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                if (page > 1) {
                    text.append('\f');
                }
                text.append(extractor.getTextFromPage(page));
            }
            reader.close();
            return text.toString();
        } catch (IOException e) {
            throw new AssertionError("Not a readable PDF", e);
        }
    }

    public static int pages(byte[] pdf) {
        try {
            PdfReader reader = new PdfReader(pdf);
            int n = reader.getNumberOfPages();
            reader.close();
            return n;
        } catch (IOException e) {
            throw new AssertionError("Not a readable PDF", e);
        }
    }
}

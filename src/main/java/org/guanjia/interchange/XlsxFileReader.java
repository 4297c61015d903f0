package org.guanjia.interchange;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Reads the first sheet of an .xlsx file with POI's streaming (SAX) reader, row by row, never
 * the whole sheet. Text cells are taken as typed; numbers without float noise (12.5, not
 * 12.499999); date cells as {@code yyyy-MM-dd}, or {@code yyyy-MM-dd HH:mm:ss} when they hold a
 * time; booleans as true/false. Row numbers are the sheet's (1 = header).
 */
final class XlsxFileReader {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    private XlsxFileReader() {
    }

    /** Writes cell values in the format's notation instead of the sheet's display format. */
    private static final class FormatNotation extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDateTime t = DateUtil.getLocalDateTime(value, use1904, true);
                return t.toLocalTime().toSecondOfDay() == 0 ? t.format(DATE) : t.format(TIMESTAMP);
            }
            return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
        }
    }

    static void read(Path path, RowSink sink) throws IOException {
        try (OPCPackage pkg = OPCPackage.open(path.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            StylesTable styles = reader.getStylesTable();
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                sink.fatal(0, "imp.problem.empty");
                return;
            }
            Handler handler = new Handler(sink);
            try (InputStream sheet = sheets.next()) {
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, handler,
                        new FormatNotation(), false));
                xml.parse(new InputSource(sheet));
            }
            if (!handler.headerSeen) {
                sink.fatal(0, "imp.problem.empty");
            }
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            sink.fatal(0, "imp.problem.xlsx", String.valueOf(e.getMessage()));
        }
    }

    private static final class Handler implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final RowSink sink;
        private final List<String> cells = new ArrayList<>();
        private boolean headerSeen;

        Handler(RowSink sink) {
            this.sink = sink;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
        }

        @Override
        public void endRow(int rowNum) {
            boolean empty = cells.stream().allMatch(c -> c == null || c.isBlank());
            if (empty) {
                return;
            }
            if (!headerSeen) {
                headerSeen = true;
                sink.header(new ArrayList<>(cells));
            } else {
                sink.row(rowNum + 1L, cells);
            }
        }

        @Override
        public void cell(String reference, String formattedValue, XSSFComment comment) {
            int col = new CellReference(reference).getCol();
            while (cells.size() < col) {
                cells.add(null);
            }
            cells.add(formattedValue);
        }
    }
}

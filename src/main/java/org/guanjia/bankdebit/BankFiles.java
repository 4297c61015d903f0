package org.guanjia.bankdebit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.guanjia.bankdebit.internal.BankDebitRepository.ExportItem;

/**
 * The files exchanged with the bank.
 *
 * <p><b>Debit list</b> (to the bank), CSV (UTF-8, comma, header row) or XLSX (one sheet), with
 * the columns {@link #EXPORT_COLUMNS}: {@code batch_no}, {@code unit_code}, {@code owner_name},
 * {@code account_holder}, {@code account_no} (in full), {@code amount} (2 decimals, a dot) and
 * {@code reference} ({@code batch_no/unit_code}, to be echoed in the result file). In the CSV a
 * cell starting with {@code = + - @}, a tab or a carriage return gets a leading apostrophe, so a
 * spreadsheet never runs it as a formula; the XLSX holds such text as text cells.
 *
 * <p><b>Result file</b> (from the bank), CSV (UTF-8, or GB18030 when not valid UTF-8) or
 * XLSX/XLS (first sheet), header row then one row per item: {@code reference} and/or
 * {@code unit_code}, {@code result} ({@code success}/{@code failed}, also 成功/失败/失敗),
 * {@code amount} (debited; empty or 0 for a failure), {@code debit_date} (yyyy-MM-dd, yyyyMMdd
 * or yyyy/MM/dd) and {@code failure_reason}. Header names are matched ignoring case, spaces and
 * the Chinese names in {@link #ALIASES}.
 */
final class BankFiles {

    static final List<String> EXPORT_COLUMNS = List.of("batch_no", "unit_code", "owner_name",
            "account_holder", "account_no", "amount", "reference");

    static final String REFERENCE = "reference";
    static final String UNIT_CODE = "unit_code";
    static final String RESULT = "result";
    static final String AMOUNT = "amount";
    static final String DEBIT_DATE = "debit_date";
    static final String FAILURE_REASON = "failure_reason";
    /** The columns of the result file, in the order the problems name them. */
    static final List<String> RESULT_COLUMNS = List.of(REFERENCE, UNIT_CODE, RESULT, AMOUNT,
            DEBIT_DATE, FAILURE_REASON);

    /** Other header names banks use for the result columns. */
    static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("ref", REFERENCE), Map.entry("参考号", REFERENCE), Map.entry("參考號", REFERENCE),
            Map.entry("unit", UNIT_CODE), Map.entry("房号", UNIT_CODE), Map.entry("房號", UNIT_CODE),
            Map.entry("结果", RESULT), Map.entry("結果", RESULT), Map.entry("扣款结果", RESULT),
            Map.entry("扣款結果", RESULT),
            Map.entry("amount_debited", AMOUNT), Map.entry("扣款金额", AMOUNT),
            Map.entry("扣款金額", AMOUNT), Map.entry("金额", AMOUNT), Map.entry("金額", AMOUNT),
            Map.entry("date", DEBIT_DATE), Map.entry("扣款日期", DEBIT_DATE),
            Map.entry("reason", FAILURE_REASON), Map.entry("失败原因", FAILURE_REASON),
            Map.entry("失敗原因", FAILURE_REASON));

    static final int MAX_ROWS = 100_000;

    private BankFiles() {
    }

    // --- the debit list ---------------------------------------------------------------------

    /** Neutralises a cell a spreadsheet would take for a formula (CSV injection). */
    static String escape(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        char first = cell.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t'
                || first == '\r') {
            return "'" + cell;
        }
        return cell;
    }

    private static List<String> cells(ExportItem i) {
        return List.of(i.batchNo(), i.unitCode(), i.ownerName(), i.accountHolder(), i.accountNo(),
                i.amount().setScale(2).toPlainString(), i.reference());
    }

    static byte[] csv(List<ExportItem> items) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder()
                        .setRecordSeparator("\r\n").get())) {
            p.printRecord(EXPORT_COLUMNS);
            for (ExportItem i : items) {
                p.printRecord(cells(i).stream().map(BankFiles::escape).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] xlsx(List<ExportItem> items) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("debit");
            CellStyle head = wb.createCellStyle();
            Font bold = wb.createFont();
            bold.setBold(true);
            head.setFont(bold);
            CellStyle money = wb.createCellStyle();
            money.setDataFormat(wb.createDataFormat().getFormat("0.00"));
            CellStyle text = wb.createCellStyle();
            text.setDataFormat(wb.createDataFormat().getFormat("@"));
            Row header = sheet.createRow(0);
            for (int c = 0; c < EXPORT_COLUMNS.size(); c++) {
                Cell cell = header.createCell(c, CellType.STRING);
                cell.setCellValue(EXPORT_COLUMNS.get(c));
                cell.setCellStyle(head);
            }
            int r = 1;
            for (ExportItem i : items) {
                Row row = sheet.createRow(r++);
                List<String> values = cells(i);
                for (int c = 0; c < values.size(); c++) {
                    if (c == 5) {
                        Cell cell = row.createCell(c, CellType.NUMERIC);
                        cell.setCellValue(i.amount().doubleValue());
                        cell.setCellStyle(money);
                    } else {
                        // a text cell: never evaluated, whatever it starts with
                        Cell cell = row.createCell(c, CellType.STRING);
                        cell.setCellValue(values.get(c));
                        cell.setCellStyle(text);
                    }
                }
            }
            int[] widths = {16, 20, 16, 16, 24, 12, 36};
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, widths[c] * 256);
            }
            sheet.createFreezePane(0, 1);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- the result file --------------------------------------------------------------------

    /** A data row of a result file, as text; {@code row} counts the header as row 1. */
    record ResultRow(int row, Map<String, String> values) {

        String get(String column) {
            return values.getOrDefault(column, "");
        }

        boolean has(String column) {
            return !get(column).isEmpty();
        }
    }

    /** The rows of the file with the columns found; problems of the file as a whole are added. */
    record ResultSheet(List<String> columns, List<ResultRow> rows) {
    }

    static ResultSheet read(String fileName, byte[] content, List<FileProblem> problems) {
        if (content.length == 0) {
            problems.add(new FileProblem(fileName, 1, "*", "debit.file.empty", List.of()));
            return new ResultSheet(List.of(), List.of());
        }
        List<List<String>> table;
        try {
            table = isSpreadsheet(content) ? readSpreadsheet(content) : readCsv(content);
        } catch (IOException | RuntimeException e) {
            problems.add(new FileProblem(fileName, 1, "*", "debit.file.unreadable",
                    List.of(String.valueOf(e.getMessage()))));
            return new ResultSheet(List.of(), List.of());
        }
        if (table.isEmpty()) {
            problems.add(new FileProblem(fileName, 1, "*", "debit.file.empty", List.of()));
            return new ResultSheet(List.of(), List.of());
        }
        List<String> header = new ArrayList<>();
        for (String h : table.get(0)) {
            header.add(column(h));
        }
        Map<String, Integer> index = new HashMap<>();
        for (int c = 0; c < header.size(); c++) {
            String name = header.get(c);
            if (RESULT_COLUMNS.contains(name) && index.putIfAbsent(name, c) != null) {
                problems.add(new FileProblem(fileName, 1, name, "debit.file.duplicateColumn", List.of()));
            }
        }
        if (!index.containsKey(REFERENCE) && !index.containsKey(UNIT_CODE)) {
            problems.add(new FileProblem(fileName, 1, REFERENCE + "/" + UNIT_CODE,
                    "debit.file.missingColumn", List.of()));
        }
        for (String required : List.of(RESULT, AMOUNT, DEBIT_DATE)) {
            if (!index.containsKey(required)) {
                problems.add(new FileProblem(fileName, 1, required, "debit.file.missingColumn", List.of()));
            }
        }
        if (table.size() - 1 > MAX_ROWS) {
            problems.add(new FileProblem(fileName, MAX_ROWS + 2, "*", "debit.file.tooManyRows",
                    List.of(MAX_ROWS)));
            return new ResultSheet(List.copyOf(index.keySet()), List.of());
        }
        List<ResultRow> rows = new ArrayList<>();
        for (int r = 1; r < table.size(); r++) {
            List<String> cells = table.get(r);
            if (cells.stream().allMatch(String::isEmpty)) {
                continue;
            }
            Map<String, String> values = new HashMap<>();
            index.forEach((name, c) -> values.put(name, c < cells.size() ? cells.get(c) : ""));
            rows.add(new ResultRow(r + 1, values));
        }
        if (rows.isEmpty() && problems.isEmpty()) {
            problems.add(new FileProblem(fileName, 2, "*", "debit.file.noRows", List.of()));
        }
        return new ResultSheet(List.copyOf(index.keySet()), rows);
    }

    /** A header cell as a column name: lower case, spaces and hyphens as underscores, aliases. */
    static String column(String header) {
        String h = header.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT)
                .replaceAll("[\\s\\-]+", "_");
        return ALIASES.getOrDefault(h, h);
    }

    /** XLSX (a zip) or XLS (an OLE2 file) by their first bytes; anything else is read as CSV. */
    private static boolean isSpreadsheet(byte[] b) {
        boolean zip = b.length > 3 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
        boolean ole2 = b.length > 3 && (b[0] & 0xFF) == 0xD0 && (b[1] & 0xFF) == 0xCF
                && (b[2] & 0xFF) == 0x11 && (b[3] & 0xFF) == 0xE0;
        return zip || ole2;
    }

    private static List<List<String>> readCsv(byte[] content) throws IOException {
        String text = decode(content);
        List<List<String>> table = new ArrayList<>();
        // empty lines are kept (and skipped later) so row numbers match a spreadsheet's
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false)
                .setIgnoreSurroundingSpaces(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord record : parser) {
                List<String> cells = new ArrayList<>(record.size());
                record.forEach(v -> cells.add(v == null ? "" : v.trim()));
                table.add(cells);
                if (table.size() > MAX_ROWS + 1) {
                    break;
                }
            }
        }
        return table;
    }

    /** UTF-8 (without its byte-order mark) when valid, else GB18030, what Chinese banks use. */
    static String decode(byte[] content) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (CharacterCodingException e) {
            return new String(content, Charset.forName("GB18030"));
        }
    }

    private static List<List<String>> readSpreadsheet(byte[] content) throws IOException {
        List<List<String>> table = new ArrayList<>();
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            Sheet sheet = wb.getSheetAt(0);
            int last = Math.min(sheet.getLastRowNum(), MAX_ROWS + 1);
            for (int r = 0; r <= last; r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                        cells.add(text(row.getCell(c), formatter));
                    }
                }
                table.add(cells);
            }
        }
        // trailing empty rows are not rows
        while (!table.isEmpty() && table.get(table.size() - 1).stream().allMatch(String::isEmpty)) {
            table.remove(table.size() - 1);
        }
        return table;
    }

    /** A cell as text: dates as yyyy-MM-dd, numbers exactly as stored, never in E notation. */
    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType()
                : cell.getCellType();
        return switch (type) {
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                    : BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            case STRING -> cell.getStringCellValue().trim();
            case BLANK -> "";
            default -> formatter.formatCellValue(cell).trim();
        };
    }
}

package org.guanjia.interchange;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * One thing wrong with the files of an import.
 *
 * @param file       the file as named in the source ({@code units.csv}), or the ZIP / upload
 * @param row        the row in the file, 1 = header; 0 = the file as a whole
 * @param column     the column, or null
 * @param messageKey an {@code imp.problem.*} key of the message bundles
 */
public record ImportProblem(String file, long row, String column, String messageKey, Object[] args)
        implements Comparable<ImportProblem> {

    private static final Comparator<ImportProblem> ORDER = Comparator
            .comparingInt((ImportProblem p) -> InterchangeFiles.order(baseName(p.file())))
            .thenComparing(ImportProblem::file)
            .thenComparingLong(ImportProblem::row)
            .thenComparing(ImportProblem::column, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(ImportProblem::messageKey);

    public ImportProblem {
        Objects.requireNonNull(file);
        Objects.requireNonNull(messageKey);
        args = args == null ? new Object[0] : args.clone();
    }

    /** {@code file:row: column: message}; without row and column when they are not known. */
    public String text(BiFunction<String, Object[], String> translate) {
        StringBuilder s = new StringBuilder(file);
        if (row > 0) {
            s.append(':').append(row);
        }
        s.append(": ");
        if (column != null) {
            s.append(column).append(": ");
        }
        return s.append(translate.apply(messageKey, args)).toString();
    }

    /** Sorted by the file's place in the format (source-level problems first), row, column. */
    @Override
    public int compareTo(ImportProblem o) {
        return ORDER.compare(this, o);
    }

    static String baseName(String file) {
        int slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
        String name = file.substring(slash + 1);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImportProblem p && file.equals(p.file) && row == p.row
                && Objects.equals(column, p.column) && messageKey.equals(p.messageKey)
                && Arrays.equals(args, p.args);
    }

    @Override
    public int hashCode() {
        return Objects.hash(file, row, column, messageKey, Arrays.hashCode(args));
    }

    @Override
    public String toString() {
        return file + ":" + row + ": " + column + ": " + messageKey + Arrays.toString(args);
    }
}

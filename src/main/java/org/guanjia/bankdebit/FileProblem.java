package org.guanjia.bankdebit;

import java.util.List;

/**
 * A problem in an imported file: the file, the row (1 = the header row), the column and a
 * message key with its arguments. Shown as {@code file:row: column: message}.
 */
public record FileProblem(String file, int row, String column, String messageKey, List<Object> args) {

    public FileProblem {
        args = List.copyOf(args);
    }

    /** Untranslated, for logs and exceptions: {@code file:row: column: key [args]}. */
    @Override
    public String toString() {
        return file + ":" + row + ": " + column + ": " + messageKey + " " + args;
    }
}

package org.guanjia.interchange;

import java.util.List;

/** Receives the rows of a file as read: the header once, then each row with its number (1 = header). */
interface RowSink {

    void header(List<String> names);

    void row(long rowNumber, List<String> cells);

    /** A problem that stops reading the file (row 0 = the file as a whole). */
    void fatal(long rowNumber, String messageKey, Object... args);
}

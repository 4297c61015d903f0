package org.guanjia.dashboard;

/** A dashboard file that cannot be used: the file, the line (1-based) and what is wrong. */
public class DashboardFileException extends RuntimeException {

    private final String file;
    private final int line;

    public DashboardFileException(String file, int line, String problem) {
        super(file + ":" + line + ": " + problem);
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }
}

package org.guanjia.cli;

import java.sql.Connection;
import java.sql.DriverManager;

/** Holds a DuckDB file open in its own process, as a running server does, until killed. */
public final class DatabaseHolder {

    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + args[0])) {
            c.createStatement().execute("create table if not exists held (x integer)");
            System.out.println("holding");
            System.out.flush();
            Thread.sleep(120_000);
        }
    }
}

package org.guanjia.interchange;

/**
 * What an import did (or would do, in a dry run) with one file: rows read, rows new to the
 * store, stored rows it changes, stored rows it leaves as they are.
 */
public record FileCounts(String file, long rows, long created, long changed, long unchanged) {
}

package org.guanjia.base;

/** A window of a lazily loaded list: rows [offset, offset + limit). */
public record Page(int offset, int limit) {

    public Page {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must be >= 0");
        }
    }

    public static Page first(int limit) {
        return new Page(0, limit);
    }
}

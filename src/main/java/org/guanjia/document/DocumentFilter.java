package org.guanjia.document;

/** Filters of the document list: optional cluster, kind and text (number or title). */
public record DocumentFilter(String clusterCode, String kind, String text) {

    public static DocumentFilter all() {
        return new DocumentFilter(null, null, null);
    }
}

package org.guanjia.base;

/** A sort order asked for by a grid: a property name the service maps to a column. */
public record Sort(String property, boolean ascending) {
}

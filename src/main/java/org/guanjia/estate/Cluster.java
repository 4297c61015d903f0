package org.guanjia.estate;

/** A cluster (组团) of buildings looked after by one butler. */
public record Cluster(String code, String estateCode, String name) {
}

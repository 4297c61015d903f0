package org.guanjia.estate;

/** A building (楼栋) in a cluster. */
public record Building(String code, String clusterCode, String name, Integer floors) {
}

package org.guanjia.notice;

/**
 * A notice board (公告栏) of a cluster, at a building or at the cluster's own place.
 *
 * @param buildingCode optional: the building the board stands at
 */
public record Board(String code, String clusterCode, String buildingCode, String location) {
}

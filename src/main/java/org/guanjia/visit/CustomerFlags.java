package org.guanjia.visit;

/** The rulebook's flags of a unit's owners: key customer (重點客戶) and strong opinions (意見較大). */
public record CustomerFlags(boolean keyCustomer, boolean strongOpinion) {
}

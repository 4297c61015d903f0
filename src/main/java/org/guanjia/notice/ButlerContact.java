package org.guanjia.notice;

/** A butler of a cluster as shown on the notice-board card: name and 24-hour service phone. */
public record ButlerContact(String staffCode, String name, String servicePhone) {
}

package org.guanjia.agenda;

/** A staff member whose agenda can be shown (assigned to a cluster today). */
public record Butler(String staffCode, String name) {
}

package org.guanjia.staff;

/** A department a follow-up can be assigned to (security, engineering, ...). */
public record Department(String code, String name, String kind) {
}

package org.guanjia.repair;

/** A member of staff with the job "engineer", who can be sent to a repair. */
public record Engineer(String code, String name) {
}

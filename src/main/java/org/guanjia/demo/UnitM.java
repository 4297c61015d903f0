package org.guanjia.demo;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A unit with its owner and the hidden traits that drive its history (payment habit, parking).
 * Built per estate and dropped after the estate is written.
 */
final class UnitM {

    static final byte VACANT = 0;
    static final byte DECORATING = 1;
    static final byte OCCUPIED = 2;

    final int ordinal;
    final String code;
    final BuildingM building;
    final int floor;
    final String room;
    final BigDecimal area;
    final LocalDate delivered;
    /** Status rows: from dates ascending and their statuses. */
    LocalDate[] statusFrom;
    byte[] status;
    /** The butler post (0/1) responsible for the unit within its cluster. */
    int post;

    String ownerName;
    String ownerPhone;
    boolean keyCustomer;
    boolean strongOpinion;
    boolean autoDebit;
    String mailingAddress;
    PayHabit habit;
    boolean malicious;
    boolean parking;
    /** Service-charge prepayments billed per calendar year (index from the window's first year), in cents. */
    long[] prepaidCents;

    UnitM(int ordinal, String code, BuildingM building, int floor, String room, BigDecimal area,
            LocalDate delivered) {
        this.ordinal = ordinal;
        this.code = code;
        this.building = building;
        this.floor = floor;
        this.room = room;
        this.area = area;
        this.delivered = delivered;
    }

    ClusterM cluster() {
        return building.cluster;
    }

    boolean deliveredBy(LocalDate day) {
        return !day.isBefore(delivered);
    }

    /** Status on the day, or -1 before delivery; a delivered unit without a row is vacant. */
    int statusOn(LocalDate day) {
        if (!deliveredBy(day)) {
            return -1;
        }
        int s = VACANT;
        for (int i = 0; i < statusFrom.length && !statusFrom[i].isAfter(day); i++) {
            s = status[i];
        }
        return s;
    }

    boolean vacantOn(LocalDate day) {
        return statusOn(day) == VACANT;
    }

    boolean occupiedOn(LocalDate day) {
        return statusOn(day) == OCCUPIED;
    }

    /** Not moved in (vacant or decorating): documents go by post (rulebook 三). */
    boolean notMovedIn(LocalDate day) {
        int s = statusOn(day);
        return s == VACANT || s == DECORATING;
    }

    /** The responsible butler on the day. */
    String butler(LocalDate day) {
        return cluster().butler(post, day);
    }

    /** How an owner pays (hidden: it shapes payments and collection calls). */
    enum PayHabit {
        AUTO_DEBIT, PROMPT, LATE, ADVANCE, WITHHOLDER, DEFAULTER
    }
}

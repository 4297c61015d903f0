package org.guanjia.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A cluster (组团) with its two butler posts. Every building has a butler (rulebook 篇2), so each
 * cluster has two butlers at any time, each responsible for half of its units; handovers swap
 * butlers between clusters of the same estate.
 */
final class ClusterM {

    final int index;
    final int indexInEstate;
    final String code;
    final String name;
    final EstateM estate;
    final List<BuildingM> buildings = new ArrayList<>();
    final ButlerPost[] posts = {new ButlerPost(), new ButlerPost()};
    final List<FacilityM> facilities = new ArrayList<>();
    String supervisor;
    String boardCode;

    ClusterM(int index, int indexInEstate, String code, String name, EstateM estate) {
        this.index = index;
        this.indexInEstate = indexInEstate;
        this.code = code;
        this.name = name;
        this.estate = estate;
    }

    /** The butler of the post (0 or 1) on the day. */
    String butler(int post, LocalDate day) {
        return posts[post].on(day);
    }

    /** The lead butler on the day (post 0): chairs the morning briefing. */
    String lead(LocalDate day) {
        return posts[0].on(day);
    }

    /** A butler post's holders over time (from and to inclusive; to null = still holding). */
    static final class ButlerPost {

        final List<Tenure> tenures = new ArrayList<>();

        String on(LocalDate day) {
            for (Tenure t : tenures) {
                if (!day.isBefore(t.from) && (t.to == null || !day.isAfter(t.to))) {
                    return t.staffCode;
                }
            }
            return tenures.get(day.isBefore(tenures.get(0).from) ? 0 : tenures.size() - 1).staffCode;
        }
    }

    static final class Tenure {
        final String staffCode;
        final LocalDate from;
        LocalDate to;

        Tenure(String staffCode, LocalDate from) {
            this.staffCode = staffCode;
            this.from = from;
        }
    }

    record FacilityM(String code, String name, String kind) {
    }
}

package org.guanjia.demo;

/** What every part of one generator run shares. */
final class GenContext {

    final long seed;
    final double scale;
    final DemoCalendar cal;
    final Sink sink;
    final Numbers numbers = new Numbers();
    final Workload workload;
    Company company;
    FollowUps followUps;

    GenContext(long seed, double scale, DemoCalendar cal, Sink sink) {
        this.seed = seed;
        this.scale = scale;
        this.cal = cal;
        this.sink = sink;
        this.workload = new Workload(cal);
    }

    /** A random stream for an area and some keys, e.g. {@code dice("fees", unit.ordinal)}. */
    Dice dice(String area, long... keys) {
        long[] all = new long[keys.length + 1];
        all[0] = Dice.key(area);
        System.arraycopy(keys, 0, all, 1, keys.length);
        return new Dice(seed, all);
    }
}

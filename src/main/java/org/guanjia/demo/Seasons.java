package org.guanjia.demo;

import java.util.Map;

/**
 * Monthly multipliers (January first) that give the KPI charts their seasons: greening and
 * noise complaints peak in summer, engineering ones in winter and the rainy season, parking
 * around the October and Spring Festival holidays.
 */
final class Seasons {

    private Seasons() {
    }

    private static final double[] FLAT = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};

    private static final Map<String, double[]> BY_TOPIC = Map.ofEntries(
            Map.entry("greening", new double[] {0.5, 0.5, 0.8, 1.0, 1.4, 2.2, 3.0, 2.9, 1.8, 1.0, 0.6, 0.5}),
            Map.entry("noise", new double[] {0.8, 0.7, 0.9, 1.0, 1.3, 1.9, 2.6, 2.5, 1.5, 1.0, 0.9, 0.8}),
            Map.entry("engineering",
                    new double[] {2.5, 2.2, 1.4, 1.0, 1.2, 1.5, 1.2, 1.1, 0.9, 0.8, 1.2, 2.1}),
            Map.entry("parking", new double[] {1.1, 1.7, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.7, 1.0, 1.2}),
            Map.entry("cleaning", new double[] {1.2, 1.4, 1.0, 1.0, 1.0, 1.1, 1.2, 1.4, 1.3, 1.0, 1.0, 1.0}),
            Map.entry("security", new double[] {1.1, 1.3, 1.0, 0.9, 0.9, 1.0, 1.0, 1.0, 1.0, 1.1, 1.1, 1.3}),
            Map.entry("repairs", new double[] {1.4, 1.3, 1.0, 1.0, 1.3, 1.5, 1.3, 1.3, 1.0, 0.9, 1.0, 1.3}),
            Map.entry("leaks", new double[] {0.6, 0.6, 0.9, 1.2, 1.8, 2.2, 1.6, 1.5, 1.2, 0.8, 0.6, 0.6}));

    static double factor(String topic, int month) {
        return BY_TOPIC.getOrDefault(topic, FLAT)[month - 1];
    }
}

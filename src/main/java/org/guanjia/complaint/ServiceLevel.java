package org.guanjia.complaint;

/** The response and resolution levels of a complaint category (KPI.md: 30 min / 48 h). */
public record ServiceLevel(String category, Integer responseMinutes, Integer resolutionHours) {
}

package org.guanjia.activity;

/** A unit signing up (or changing its head count). */
public record NewSignup(String unitCode, Integer headCount) {
}

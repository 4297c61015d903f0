package org.guanjia.estate;

/** An estate (小区/项目): the top of the hierarchy. */
public record Estate(String code, String name, String city, String timezone, String currency) {
}

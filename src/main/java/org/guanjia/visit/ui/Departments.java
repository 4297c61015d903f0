package org.guanjia.visit.ui;

import java.util.LinkedHashMap;
import java.util.Map;
import org.guanjia.staff.Department;
import org.guanjia.staff.StaffService;

/** The departments a request can be escalated to, code → name, loaded once per view. */
final class Departments {

    final Map<String, String> names = new LinkedHashMap<>();

    Departments(StaffService staff) {
        for (Department d : staff.departments()) {
            names.put(d.code(), d.name());
        }
    }

    String name(String code) {
        return code == null ? "" : names.getOrDefault(code, code);
    }
}

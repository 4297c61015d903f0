package org.guanjia.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The demo staff by role, with the departments they belong to. */
final class Staffing {

    record Person(String code, String name, String role, String department, String phone,
            String servicePhone) {
    }

    final List<Person> all = new ArrayList<>();
    final List<String> butlers = new ArrayList<>();
    final List<String> supervisors = new ArrayList<>();
    final List<String> managers = new ArrayList<>();
    final List<String> callCenter = new ArrayList<>();
    final List<String> finance = new ArrayList<>();

    private final Map<String, Person> byCode = new HashMap<>();

    void add(Person p) {
        all.add(p);
        byCode.put(p.code(), p);
    }

    String nameOf(String code) {
        Person p = byCode.get(code);
        return p == null ? code : p.name();
    }

    Person person(String code) {
        return byCode.get(code);
    }
}

package org.guanjia.staff;

/** A member of staff; {@code servicePhone} is the 24-hour phone shown on notice boards. */
public record Staff(String code, String name, String role, String phone, String servicePhone,
        String departmentCode, boolean active) {

    public static final java.util.List<String> ROLES = java.util.List.of("butler", "supervisor",
            "manager", "engineer", "security", "cleaning", "call_center", "finance");
}

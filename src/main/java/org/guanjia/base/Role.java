package org.guanjia.base;

/** The roles a user can have; each user has one. */
public enum Role {
    ADMIN, MANAGER, SUPERVISOR, BUTLER, SERVICE_DESK, FINANCE;

    /** Spring Security authority name. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** Roles that see every cluster; the others see the clusters they are assigned to. */
    public boolean seesAllClusters() {
        return this != BUTLER;
    }
}

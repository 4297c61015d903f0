package org.guanjia.base;

import java.util.Set;

/**
 * The clusters a user may see. Services filter every query by it and refuse writes outside it.
 *
 * @param all          true for roles that see every cluster
 * @param clusterCodes the clusters a butler is assigned to today (ignored when {@code all})
 */
public record Scope(boolean all, Set<String> clusterCodes) {

    public static final Scope ALL = new Scope(true, Set.of());

    public Scope {
        clusterCodes = Set.copyOf(clusterCodes);
    }

    public static Scope clusters(Set<String> codes) {
        return new Scope(false, codes);
    }

    public boolean allows(String clusterCode) {
        return all || (clusterCode != null && clusterCodes.contains(clusterCode));
    }

    /** Throws when a write targets a cluster outside the scope. */
    public void check(String clusterCode) {
        if (!allows(clusterCode)) {
            throw new AccessDeniedException("error.outOfScope", clusterCode);
        }
    }
}

package org.guanjia.demo;

import java.util.List;

/**
 * The demo company's structure, built once per run: estates with their clusters and
 * buildings (units are built per estate, see {@link UnitM}), departments and staff.
 */
final class Company {

    final List<EstateM> estates;
    final List<ClusterM> clusters;
    final Staffing staffing;

    Company(List<EstateM> estates, List<ClusterM> clusters, Staffing staffing) {
        this.estates = estates;
        this.clusters = clusters;
        this.staffing = staffing;
    }
}

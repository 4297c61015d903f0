package org.guanjia.visit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.guanjia.base.Page;
import org.guanjia.base.Scope;
import org.guanjia.ui.KaribuTest;
import org.guanjia.visit.Visit;
import org.guanjia.visit.VisitFilter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * {@link VisitRepository#findVisit} (one visit by its own small queries) gives every visit of
 * the demo company exactly as the list does (correlated subqueries): owner name, key customer,
 * the owner's strong opinion, requests and open escalations (each of the last four found in some
 * visit and not in another).
 */
@TestPropertySource(properties = {"guanjia.demo=true", "guanjia.demo-scale=0.05"})
class FindVisitTest extends KaribuTest {

    @Autowired
    VisitRepository visits;

    @Test
    void one_visit_reads_as_in_the_list() {
        List<Visit> listed = visits.visits(Scope.ALL, VisitFilter.all(), Page.first(100_000));
        assertThat(listed).hasSizeGreaterThan(100);
        for (Visit v : listed) {
            assertThat(visits.findVisit(v.no())).as(v.no()).contains(v);
        }
        assertThat(listed).anyMatch(v -> v.ownerName() != null)
                .anyMatch(Visit::keyCustomer).anyMatch(v -> !v.keyCustomer())
                .anyMatch(Visit::ownerStrongOpinion).anyMatch(v -> !v.ownerStrongOpinion())
                .anyMatch(v -> v.requests() > 0).anyMatch(v -> v.requests() == 0)
                .anyMatch(v -> v.openEscalations() > 0)
                .anyMatch(v -> v.requests() > v.openEscalations() && v.openEscalations() > 0
                        || v.requests() > 0 && v.openEscalations() == 0);
        assertThat(visits.findVisit("NO-SUCH-VISIT")).isEmpty();
    }
}

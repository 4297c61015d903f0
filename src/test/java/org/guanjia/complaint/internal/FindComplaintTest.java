package org.guanjia.complaint.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import org.guanjia.base.Page;
import org.guanjia.base.Scope;
import org.guanjia.complaint.Complaint;
import org.guanjia.complaint.ComplaintFilter;
import org.guanjia.ui.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * {@link ComplaintRepository#find} (the owner's name by a query of its own) gives every
 * complaint of the demo company exactly as the list does (a correlated subquery), responder and
 * service levels included.
 */
@TestPropertySource(properties = {"guanjia.demo=true", "guanjia.demo-scale=0.05"})
class FindComplaintTest extends KaribuTest {

    @Autowired
    ComplaintRepository complaints;

    @Test
    void one_complaint_reads_as_in_the_list() {
        List<Complaint> listed = complaints.list(Scope.ALL, ComplaintFilter.all(),
                LocalDateTime.now(), Page.first(100_000));
        assertThat(listed).hasSizeGreaterThan(20);
        for (Complaint c : listed) {
            assertThat(complaints.find(c.no())).as(c.no()).contains(c);
        }
        assertThat(listed).anyMatch(c -> c.ownerName() != null);
        assertThat(complaints.find("NO-SUCH-COMPLAINT")).isEmpty();
    }
}

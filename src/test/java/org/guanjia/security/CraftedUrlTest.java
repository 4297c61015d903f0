package org.guanjia.security;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.QueryParameters;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;
import org.guanjia.MasterDataFixtures;
import org.guanjia.TestUsers;
import org.guanjia.base.Role;
import org.guanjia.complaint.Complaint;
import org.guanjia.complaint.ComplaintService;
import org.guanjia.complaint.NewComplaint;
import org.guanjia.estate.EstateService;
import org.guanjia.estate.Owner;
import org.guanjia.repair.NewRepair;
import org.guanjia.repair.RepairService;
import org.guanjia.staff.StaffService;
import org.guanjia.ui.KaribuTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A butler of cluster A who types the address of a record of cluster B (a ledger, a collection
 * card, {@code ?open=} of a complaint or repair) sees "not found" and none of B's data; the same
 * address of A's record opens it.
 */
class CraftedUrlTest extends KaribuTest {

    @Autowired EstateService estates;
    @Autowired StaffService staff;
    @Autowired ComplaintService complaints;
    @Autowired RepairService repairs;
    @Autowired Clock clock;

    String p;
    final String[] unit = new String[2];
    final String[] complaint = new String[2];
    final String[] repair = new String[2];

    @BeforeEach
    void fixtures() {
        p = "U" + UUID.randomUUID().toString().substring(0, 5) + "-";
        MasterDataFixtures.create(p, estates, staff);
        TestUsers.signIn("url-admin", Role.ADMIN, null);
        LocalDateTime at = LocalDateTime.now(clock).minusHours(1);
        for (int i = 0; i < 2; i++) {
            unit[i] = p + "C" + (i + 1) + "-B1-0101";
            estates.saveOwner(new Owner(p + "O" + i, unit[i], "Owner " + i, "1391234567" + i, false, false,
                    null, false, LocalDate.of(2024, 1, 1)), true);
            complaint[i] = complaints.intake(new NewComplaint(unit[i], at, "phone", Complaint.CATEGORIES.get(0),
                    "noise")).no();
            repair[i] = repairs.report(new NewRepair(unit[i], null, at, "plumbing", "leak")).no();
        }
        TestUsers.signOut();
        login("url-butler", Role.BUTLER, p + "S1");
    }

    /** The agenda's links: {@code complaints?open=<no>}. */
    private static void open(String route, String no) {
        UI.getCurrent().navigate(route, QueryParameters.of("open", no));
    }

    private static boolean dialogOpen() {
        return _find(Dialog.class).stream().anyMatch(Dialog::isOpened);
    }

    private static boolean shown(String id) {
        return _find(Component.class, s -> s.withId(id)).stream().anyMatch(Component::isVisible);
    }

    @Test
    void the_ledger_of_a_unit_of_another_cluster_is_not_found_and_shows_no_owner() {
        UI.getCurrent().navigate("ledger/" + unit[1]);
        assertThat(_get(Span.class, s -> s.withId("ledger-summary")).getText()).contains(unit[1]);
        assertThat(_find(Anchor.class, s -> s.withId("ledger-owner-phone"))).isEmpty();
        assertThat(shown("ledger-grid")).isFalse();

        UI.getCurrent().navigate("ledger/" + unit[0]);
        assertThat(_get(Anchor.class, s -> s.withId("ledger-owner-phone")).getText()).isEqualTo("13912345670");
    }

    @Test
    void a_manager_sees_the_owner_phone_masked_on_the_ledger_and_not_as_a_link_that_would_dial_the_rest() {
        login("url-manager", Role.MANAGER, null);
        UI.getCurrent().navigate("ledger/" + unit[0]);
        Anchor phone = _get(Anchor.class, s -> s.withId("ledger-owner-phone"));
        assertThat(phone.getText()).isEqualTo("139****5670");
        assertThat(phone.getHref()).isEmpty();

        login("url-desk", Role.SERVICE_DESK, null);
        UI.getCurrent().navigate("ledger/" + unit[1]);
        assertThat(_get(Anchor.class, s -> s.withId("ledger-owner-phone")).getHref()).isEqualTo("tel:13912345671");
    }

    @Test
    void the_collection_card_of_a_unit_of_another_cluster_is_not_found() {
        UI.getCurrent().navigate("collection/unit/" + unit[1]);
        assertThat(shown("collection-phone")).isFalse();
        assertThat(shown("add-action-button")).isFalse();

        UI.getCurrent().navigate("collection/unit/" + unit[0]);
        assertThat(shown("add-action-button")).isTrue();
    }

    @Test
    void open_parameters_of_another_clusters_complaint_or_repair_open_nothing() {
        open("complaints", complaint[1]);
        assertThat(dialogOpen()).isFalse();
        open("repairs", repair[1]);
        assertThat(dialogOpen()).isFalse();

        open("complaints", complaint[0]);
        assertThat(dialogOpen()).isTrue();
    }
}

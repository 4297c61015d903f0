package org.guanjia.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.guanjia.MasterDataFixtures;
import org.guanjia.TestUsers;
import org.guanjia.base.Page;
import org.guanjia.base.PhoneMask;
import org.guanjia.base.Role;
import org.guanjia.collection.CollectionService;
import org.guanjia.estate.EstateService;
import org.guanjia.estate.Owner;
import org.guanjia.estate.UnitFilter;
import org.guanjia.staff.StaffService;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Owners' phones: in full for those who call owners (admin, butler in their clusters, service
 * desk, finance), masked for managers and supervisors, who read reports; a masked number saved
 * back from an edit form leaves the stored number as it was.
 */
@SpringBootTest
@ActiveProfiles("test")
class PhoneMaskingTest {

    private static final String PHONE = "13812345678";
    private static final String MASKED = "138****5678";

    /** Per role: sees the number in full. */
    private static final Map<Role, Boolean> FULL = Map.of(Role.ADMIN, true, Role.BUTLER, true,
            Role.SERVICE_DESK, true, Role.FINANCE, true, Role.MANAGER, false, Role.SUPERVISOR, false);

    @Autowired EstateService estates;
    @Autowired StaffService staff;
    @Autowired CollectionService collection;
    @Autowired DSLContext dsl;

    String p;
    String unit;

    @BeforeEach
    void fixtures() {
        p = "P" + UUID.randomUUID().toString().substring(0, 5) + "-";
        MasterDataFixtures.create(p, estates, staff);
        unit = p + "C1-B1-0101";
        TestUsers.signIn("mask-admin", Role.ADMIN, null);
        estates.saveOwner(new Owner(p + "O1", unit, "Owner", PHONE, false, false, null, false,
                LocalDate.of(2024, 1, 1)), true);
        TestUsers.signOut();
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private void as(Role role) {
        TestUsers.signIn("mask-" + role, role, role == Role.BUTLER ? p + "S1" : null);
    }

    @Test
    void the_mask_keeps_the_first_three_and_last_four_digits() {
        assertThat(PhoneMask.mask(PHONE)).isEqualTo(MASKED);
        assertThat(PhoneMask.mask("0755-1234567")).isEqualTo("075*****4567");
        assertThat(PhoneMask.mask("12345")).isEqualTo("***45");
        assertThat(PhoneMask.mask(null)).isNull();
        assertThat(PhoneMask.isMaskOf(MASKED, PHONE)).isTrue();
        assertThat(PhoneMask.isMaskOf(PHONE, PHONE)).isFalse();
        assertThat(PhoneMask.isMaskOf("139****5678", PHONE)).isFalse();
    }

    @Test
    void each_role_sees_the_owner_phone_in_full_or_masked_in_the_list_the_record_and_the_collection_card() {
        for (Map.Entry<Role, Boolean> e : FULL.entrySet()) {
            as(e.getKey());
            String expected = e.getValue() ? PHONE : MASKED;
            assertThat(estates.owners(new UnitFilter(null, null, p + "C1", null, null), Page.first(10)))
                    .as("owners as %s", e.getKey()).extracting(Owner::phone).containsExactly(expected);
            assertThat(estates.owner(p + "O1")).as("owner as %s", e.getKey()).get()
                    .extracting(Owner::phone).isEqualTo(expected);
            assertThat(collection.unit(unit)).as("collection card as %s", e.getKey()).get()
                    .satisfies(u -> assertThat(u.ownerPhone()).isEqualTo(expected));
            TestUsers.signOut();
        }
    }

    @Test
    void a_masked_role_cannot_find_an_owner_by_typing_digits_of_the_phone() {
        as(Role.MANAGER);
        assertThat(estates.countOwners(new UnitFilter("2345", null, p + "C1", null, null))).isZero();
        assertThat(estates.countOwners(new UnitFilter("Owner", null, p + "C1", null, null))).isOne();
        as(Role.SERVICE_DESK);
        assertThat(estates.countOwners(new UnitFilter("2345", null, p + "C1", null, null))).isOne();
    }

    @Test
    void a_manager_saving_the_owner_form_with_the_masked_phone_keeps_the_stored_number() {
        as(Role.MANAGER);
        Owner shown = estates.owner(p + "O1").orElseThrow();
        assertThat(shown.phone()).isEqualTo(MASKED);
        estates.saveOwner(new Owner(shown.code(), shown.unitCode(), "Owner renamed", shown.phone(),
                shown.keyCustomer(), shown.strongOpinion(), "Road 1", shown.autoDebit(), shown.since()), false);
        assertThat(stored()).isEqualTo(PHONE);
        assertThat(dsl.fetchValue("select name from owners where owner_code = ?", p + "O1")).isEqualTo("Owner renamed");

        // a new number typed by the manager is stored
        estates.saveOwner(new Owner(shown.code(), shown.unitCode(), "Owner renamed", "13900001111",
                shown.keyCustomer(), shown.strongOpinion(), "Road 1", shown.autoDebit(), shown.since()), false);
        assertThat(stored()).isEqualTo("13900001111");
    }

    private Object stored() {
        return dsl.fetchValue("select phone from owners where owner_code = ?", p + "O1");
    }
}

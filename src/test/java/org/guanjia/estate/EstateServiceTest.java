package org.guanjia.estate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.guanjia.MasterDataFixtures;
import org.guanjia.TestUsers;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.Page;
import org.guanjia.base.Role;
import org.guanjia.base.ValidationException;
import org.guanjia.staff.StaffService;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EstateServiceTest {

    @Autowired
    EstateService estates;
    @Autowired
    StaffService staff;
    @Autowired
    DSLContext dsl;

    String p;

    @BeforeEach
    void fixtures() {
        p = "T" + UUID.randomUUID().toString().substring(0, 6) + "-";
        MasterDataFixtures.create(p, estates, staff);
        TestUsers.signIn("admin1", Role.ADMIN, null);
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private int count(String sql, Object... args) {
        return dsl.fetchValue(sql, args) instanceof Number n ? n.intValue() : -1;
    }

    @Test
    void created_units_are_listed_with_their_status_and_filter_by_cluster() {
        List<UnitRow> rows = estates.units(new UnitFilter(null, null, p + "C1", null, null),
                Page.first(50), List.of());
        assertThat(rows).extracting(UnitRow::code)
                .containsExactly(p + "C1-B1-0101", p + "C1-B1-0102");
        assertThat(rows).extracting(UnitRow::status).containsOnly("occupied");
        assertThat(estates.countUnits(new UnitFilter(p, null, null, null, null))).isEqualTo(4);
    }

    @Test
    void a_duplicate_unit_code_is_refused_on_the_code_field() {
        Unit dup = new Unit(p + "C1-B1-0101", p + "C1-B1", 1, "0101", new BigDecimal("70"),
                "residential", null);
        assertThatThrownBy(() -> estates.saveUnit(dup, true, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.Problem::field, ValidationException.Problem::messageKey)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("code", "validation.duplicate")));
    }

    @Test
    void a_unit_with_bad_fields_names_each_field() {
        Unit bad = new Unit(p + "X", "NO-SUCH-BUILDING", 500, null, new BigDecimal("-1.005"),
                "castle", null);
        assertThatThrownBy(() -> estates.saveUnit(bad, true, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.Problem::field)
                        .contains("buildingCode", "floor", "areaSqm", "unitType"));
    }

    @Test
    void a_failing_save_leaves_nothing_written() {
        int auditBefore = count("select count(*) from audit_log");
        Unit unit = new Unit(p + "C2-B1-0909", p + "C2-B1", 9, "0909", new BigDecimal("99.00"),
                "residential", LocalDate.of(2025, 1, 1));
        // the unit row is written first, then the status row fails its check: both roll back
        assertThatThrownBy(() -> estates.saveUnit(unit, true,
                new UnitStatus(null, LocalDate.of(2025, 1, 1), "sold", null)))
                .isInstanceOf(ValidationException.class);
        assertThat(count("select count(*) from units where unit_code = ?", unit.code())).isZero();
        assertThat(count("select count(*) from unit_status where unit_code = ?", unit.code())).isZero();
        assertThat(count("select count(*) from audit_log")).isEqualTo(auditBefore);
    }

    @Test
    void status_history_decides_the_status_of_today() {
        String unit = p + "C2-B1-0101";
        estates.saveStatus(new UnitStatus(unit, LocalDate.of(2024, 6, 1), "vacant", "moved out"));
        estates.saveStatus(new UnitStatus(unit, LocalDate.of(2099, 1, 1), "occupied", "future"));
        assertThat(estates.statusHistory(unit)).extracting(UnitStatus::status)
                .containsExactly("occupied", "vacant", "occupied");
        assertThat(estates.units(new UnitFilter(unit, null, null, null, "vacant"), Page.first(5), List.of()))
                .extracting(UnitRow::code).containsExactly(unit);
    }

    @Test
    void changes_are_written_to_the_audit_log() {
        estates.saveBuilding(new Building(p + "C1-B1", p + "C1", "Renamed", 20), false);
        assertThat(count("select count(*) from audit_log where entity = 'building' and entity_key = ? "
                + "and action = 'update' and username = 'admin1'", p + "C1-B1")).isEqualTo(1);
    }

    @Test
    void a_butler_sees_only_the_units_of_their_clusters() {
        TestUsers.signIn("butler1", Role.BUTLER, p + "S1");
        List<UnitRow> rows = estates.units(new UnitFilter(p, null, null, null, null), Page.first(50),
                List.of());
        assertThat(rows).extracting(UnitRow::clusterCode).containsOnly(p + "C1");
        assertThat(estates.clusters()).extracting(Cluster::code).containsExactly(p + "C1");
    }

    @Test
    void a_butler_cannot_change_master_data_or_units_outside_their_clusters() {
        TestUsers.signIn("butler1", Role.BUTLER, p + "S1");
        assertThatThrownBy(() -> estates.saveEstate(new Estate(p + "E2", "x", null, null, null), true))
                .isInstanceOf(AccessDeniedException.class);
        TestUsers.signIn("desk1", Role.SERVICE_DESK, null);
        estates.saveStatus(new UnitStatus(p + "C2-B1-0102", LocalDate.of(2025, 3, 1), "vacant", null));
        assertThat(estates.statusHistory(p + "C2-B1-0102")).hasSize(2);
    }
}

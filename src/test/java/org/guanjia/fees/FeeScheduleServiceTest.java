package org.guanjia.fees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.guanjia.db.Tables.AUDIT_LOG;
import static org.guanjia.db.Tables.STATEMENTS;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.guanjia.MasterDataFixtures;
import org.guanjia.TestUsers;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.Role;
import org.guanjia.base.ValidationException;
import org.guanjia.estate.EstateService;
import org.guanjia.staff.StaffService;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Fee schedules of a hand-made estate: a property fee of 2.50 from 2024-01-01, open-ended, with
 * statements issued for January and February 2025 to one unit.
 */
@SpringBootTest
@ActiveProfiles("test")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FeeScheduleServiceTest {

    @Autowired
    FeeScheduleService schedules;
    @Autowired
    EstateService estates;
    @Autowired
    StaffService staff;
    @Autowired
    DSLContext dsl;

    String p;
    FeeSchedule fee;

    @BeforeEach
    void schedule_with_two_billed_months() {
        p = "F" + UUID.randomUUID().toString().substring(0, 6) + "-";
        MasterDataFixtures.create(p, estates, staff);
        fee = FeesFixtures.propertyFee(p, schedules, "2.50", LocalDate.of(2024, 1, 1));
        for (String period : new String[] {"2025-01", "2025-02"}) {
            dsl.insertInto(STATEMENTS, STATEMENTS.STATEMENT_NO, STATEMENTS.UNIT_CODE, STATEMENTS.PERIOD,
                            STATEMENTS.FEE_TYPE, STATEMENTS.AMOUNT, STATEMENTS.ISSUED_ON, STATEMENTS.DUE_ON)
                    .values(p + period, p + "C1-B1-0101", period, "property_fee", new BigDecimal("221.25"),
                            LocalDate.parse(period + "-01").minusDays(4),
                            LocalDate.parse(period + "-01").plusMonths(1).minusDays(1))
                    .execute();
        }
        TestUsers.signIn("finance1", Role.FINANCE, null);
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private static ValidationException.Problem refused(Executable call) {
        ValidationException e = org.junit.jupiter.api.Assertions.assertThrows(ValidationException.class, call);
        return e.problems().get(0);
    }

    private FeeSchedule with(BigDecimal rate, LocalDate from, LocalDate to) {
        return new FeeSchedule(fee.code(), fee.estateCode(), fee.unitType(), fee.feeType(), rate, from, to);
    }

    @Test
    void an_overlapping_schedule_of_the_same_estate_unit_type_and_fee_is_refused() {
        var problem = refused(() -> schedules.save(new FeeSchedule(p + "PF2", p + "E", "residential",
                "property_fee", new BigDecimal("3.00"), LocalDate.of(2026, 1, 1), null), true));

        assertThat(problem.field()).isEqualTo("validFrom");
        assertThat(problem.messageKey()).isEqualTo("fees.schedule.overlap");
        assertThat(problem.args()).first().isEqualTo(p + "PF");
    }

    @Test
    void schedules_of_another_unit_type_or_fee_may_share_the_dates() {
        schedules.save(new FeeSchedule(p + "CM", p + "E", "commercial", "property_fee",
                new BigDecimal("6.00"), LocalDate.of(2024, 1, 1), null), true);
        schedules.save(new FeeSchedule(p + "SP", p + "E", "residential", "service_charge_prepayment",
                new BigDecimal("0.80"), LocalDate.of(2024, 1, 1), null), true);

        assertThat(schedules.schedules(p + "E")).extracting(FeeSchedule::code)
                .containsExactlyInAnyOrder(p + "PF", p + "CM", p + "SP");
    }

    @Test
    void the_rate_of_a_schedule_with_issued_statements_cannot_be_edited() {
        var problem = refused(() -> schedules.save(with(new BigDecimal("2.60"), fee.validFrom(), null), false));

        assertThat(problem.field()).isEqualTo("rate");
        assertThat(problem.messageKey()).isEqualTo("fees.schedule.rateIssued");
        assertThat(problem.args()).containsExactly("2025-01");
        assertThat(schedules.schedule(fee.code()).orElseThrow().rate()).isEqualByComparingTo("2.50");
    }

    @Test
    void dates_that_would_move_a_billed_month_out_of_the_schedule_are_refused_on_that_date() {
        var end = refused(() -> schedules.save(with(fee.rate(), fee.validFrom(), LocalDate.of(2025, 1, 31)),
                false));
        var start = refused(() -> schedules.save(with(fee.rate(), LocalDate.of(2025, 1, 2), null), false));

        assertThat(end.field()).isEqualTo("validTo");
        assertThat(end.messageKey()).isEqualTo("fees.schedule.datesIssued");
        assertThat(end.args()).containsExactly("2025-02");
        assertThat(start.field()).isEqualTo("validFrom");
        assertThat(start.args()).containsExactly("2025-01");
    }

    @Test
    void dates_that_keep_every_billed_month_inside_may_change() {
        FeeSchedule shorter = schedules.save(with(fee.rate(), LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 12, 31)), false);

        assertThat(schedules.schedule(fee.code())).contains(shorter);
        assertThat(dsl.fetchCount(AUDIT_LOG, AUDIT_LOG.ENTITY.eq("fee_schedule")
                .and(AUDIT_LOG.ENTITY_KEY.eq(fee.code())))).isEqualTo(2);
    }

    @Test
    void the_rate_of_a_schedule_without_statements_may_be_corrected() {
        FeeSchedule parking = schedules.save(new FeeSchedule(p + "PK", p + "E", "parking", "parking",
                new BigDecimal("300"), LocalDate.of(2024, 1, 1), null), true);

        schedules.save(new FeeSchedule(parking.code(), p + "E", "parking", "parking",
                new BigDecimal("320"), LocalDate.of(2024, 1, 1), null), false);

        assertThat(schedules.schedule(p + "PK").orElseThrow().rate()).isEqualByComparingTo("320");
    }

    @Test
    void a_rate_change_closes_the_schedule_the_day_before_and_opens_a_new_one() {
        FeeSchedule next = schedules.changeRate(fee.code(), LocalDate.of(2025, 3, 1), new BigDecimal("2.80"));

        assertThat(next.code()).isEqualTo(p + "PF-20250301");
        assertThat(next.rate()).isEqualByComparingTo("2.80");
        assertThat(next.validTo()).isNull();
        assertThat(schedules.schedule(fee.code()).orElseThrow().validTo()).isEqualTo(LocalDate.of(2025, 2, 28));
    }

    @Test
    void a_rate_change_from_a_billed_month_or_outside_the_schedule_is_refused() {
        var billed = refused(() -> schedules.changeRate(fee.code(), LocalDate.of(2025, 2, 1),
                new BigDecimal("2.80")));
        var before = refused(() -> schedules.changeRate(fee.code(), LocalDate.of(2023, 6, 1),
                new BigDecimal("2.80")));

        assertThat(billed.messageKey()).isEqualTo("fees.schedule.changeIssued");
        assertThat(billed.args()).containsExactly("2025-02");
        assertThat(before.field()).isEqualTo("validFrom");
        assertThat(before.messageKey()).isEqualTo("fees.schedule.changeOutside");
    }

    @Test
    void metered_fees_and_a_changed_estate_unit_type_or_fee_are_refused() {
        var metered = refused(() -> schedules.save(new FeeSchedule(p + "W", p + "E", "residential", "water",
                new BigDecimal("3.5"), LocalDate.of(2024, 1, 1), null), true));
        var type = refused(() -> schedules.save(new FeeSchedule(fee.code(), p + "E", "commercial",
                "property_fee", fee.rate(), fee.validFrom(), null), false));

        assertThat(metered.field()).isEqualTo("feeType");
        assertThat(metered.messageKey()).isEqualTo("fees.schedule.metered");
        assertThat(type.field()).isEqualTo("unitType");
        assertThat(type.messageKey()).isEqualTo("fees.schedule.keyFixed");
    }

    @Test
    void the_service_desk_reads_schedules_but_only_admin_and_finance_change_them() {
        TestUsers.signIn("desk1", Role.SERVICE_DESK, null);
        assertThat(schedules.schedules(p + "E")).hasSize(1);
        assertThatThrownBy(() -> schedules.save(with(fee.rate(), fee.validFrom(), null), false))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> schedules.changeRate(fee.code(), LocalDate.of(2026, 1, 1), BigDecimal.TEN))
                .isInstanceOf(AccessDeniedException.class);

        TestUsers.signIn("butler1", Role.BUTLER, null);
        assertThatThrownBy(() -> schedules.schedules(p + "E")).isInstanceOf(AccessDeniedException.class);
    }
}

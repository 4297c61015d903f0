package org.guanjia.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.guanjia.MasterDataFixtures;
import org.guanjia.TestClock;
import org.guanjia.TestUsers;
import org.guanjia.base.Role;
import org.guanjia.billing.CorrectionStatement;
import org.guanjia.billing.LedgerService;
import org.guanjia.billing.Payment;
import org.guanjia.estate.EstateService;
import org.guanjia.staff.StaffService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/** The unit account, payments and arrears views on a hand-made estate, with a set clock. */
@Import(TestClock.Config.class)
class BillingViewsTest extends KaribuTest {

    static final LocalDate TODAY = LocalDate.of(2025, 6, 15);

    @Autowired
    TestClock clock;
    @Autowired
    EstateService estates;
    @Autowired
    StaffService staff;
    @Autowired
    LedgerService ledgers;

    String p;
    String unit;
    String march;

    /** {p}C1-B1-0101 owes March (100.00, due 2025-03-31) and has a June statement (not yet due). */
    @BeforeEach
    void givenAUnitInArrears() {
        p = "V" + UUID.randomUUID().toString().substring(0, 6) + "-";
        clock.set(LocalDate.of(2025, 1, 1));
        MasterDataFixtures.create(p, estates, staff);
        unit = p + "C1-B1-0101";
        TestUsers.signIn("finance0", Role.FINANCE, null);
        clock.set(LocalDate.of(2025, 3, 1));
        march = ledgers.issueStatement(new CorrectionStatement(unit, "2025-03", "property_fee",
                new BigDecimal("100.00"), LocalDate.of(2025, 3, 31), null)).statementNo();
        clock.set(LocalDate.of(2025, 6, 1));
        ledgers.issueStatement(new CorrectionStatement(unit, "2025-06", "property_fee",
                new BigDecimal("80.00"), LocalDate.of(2025, 6, 30), null));
        TestUsers.signOut();
        clock.set(TODAY);
    }

    private String text(String id) {
        return _get(Span.class, s -> s.withId(id)).getText();
    }

    @SuppressWarnings("unchecked")
    private <T> Grid<T> grid(String id) {
        return _get(Grid.class, s -> s.withId(id));
    }

    @SuppressWarnings("unchecked")
    private void recordPayment(String amount, LocalDate paidOn, String statementNo) {
        _click(_get(Button.class, s -> s.withId("record-payment-button")));
        if (paidOn != null) {
            _setValue(_get(DatePicker.class, s -> s.withId("payment-paid-on")), paidOn);
        }
        _setValue(_get(BigDecimalField.class, s -> s.withId("payment-amount")), new BigDecimal(amount));
        _setValue(_get(Select.class, s -> s.withId("payment-channel")), "cash");
        if (statementNo != null) {
            _setValue(_get(ComboBox.class, s -> s.withId("payment-statement")), statementNo);
        }
        _click(_get(Button.class, s -> s.withId("save-button")));
    }

    @Test
    void finance_records_a_payment_and_the_account_shows_it_paid() {
        login("finance1", Role.FINANCE, null);
        UI.getCurrent().navigate("ledger/" + unit);
        assertThat(text("ledger-arrears")).isEqualTo("100.00");
        assertThat(text("ledger-owed")).isEqualTo("180.00");

        recordPayment("150.00", null, null);

        assertThat(text("ledger-arrears")).isEqualTo("0.00");
        assertThat(text("ledger-owed")).isEqualTo("30.00");
        _get(TabSheet.class, s -> s.withId("ledger-tabs")).setSelectedIndex(1);
        Grid<Payment> payments = grid("ledger-payments-grid");
        assertThat(GridKt._size(payments)).isEqualTo(1);
        assertThat(GridKt._get(payments, 0).amount()).isEqualByComparingTo("150.00");
        _get(TabSheet.class, s -> s.withId("ledger-tabs")).setSelectedIndex(2);
        assertThat(GridKt._size(grid("ledger-allocations-grid"))).isEqualTo(2);
    }

    @Test
    void a_statement_issued_after_the_payment_day_is_refused_on_the_statement_field() {
        login("finance1", Role.FINANCE, null);
        UI.getCurrent().navigate("ledger/" + unit);
        String june = ledgers.account(unit, TODAY).orElseThrow().statements().get(1).statementNo();

        recordPayment("80.00", LocalDate.of(2025, 5, 20), june);

        ComboBox<?> statement = _get(ComboBox.class, s -> s.withId("payment-statement"));
        assertThat(statement.isInvalid()).isTrue();
        assertThat(statement.getErrorMessage()).contains(june).contains("after the payment day");
        assertThat(text("ledger-owed")).isEqualTo("180.00");
    }

    @Test
    void a_payment_is_reversed_from_its_details_and_stays_listed_as_reversed() {
        login("finance1", Role.FINANCE, null);
        UI.getCurrent().navigate("ledger/" + unit);
        recordPayment("100.00", null, march);
        assertThat(text("ledger-arrears")).isEqualTo("0.00");
        _get(TabSheet.class, s -> s.withId("ledger-tabs")).setSelectedIndex(1);

        GridKt._clickItem(grid("ledger-payments-grid"), 0);
        _click(_get(Button.class, s -> s.withId("reverse-button")));
        _setValue(_get(TextArea.class, s -> s.withId("reverse-reason")), "Entered twice");
        _click(_get(Button.class, s -> s.withId("reverse-confirm-button")));

        assertThat(text("ledger-arrears")).isEqualTo("100.00");
        _get(TabSheet.class, s -> s.withId("ledger-tabs")).setSelectedIndex(1);
        Grid<Payment> payments = grid("ledger-payments-grid");
        assertThat(GridKt._get(payments, 0).reversed()).isTrue();
        assertThat(GridKt._get(payments, 0).note()).isEqualTo("Entered twice");
    }

    @Test
    void a_butler_sees_their_units_account_without_payment_buttons_and_no_other_account() {
        login("butler1", Role.BUTLER, p + "S1");
        UI.getCurrent().navigate("ledger/" + unit);
        assertThat(text("ledger-arrears")).isEqualTo("100.00");
        _assertNone(Button.class, s -> s.withId("record-payment-button"));
        _assertNone(Button.class, s -> s.withId("issue-statement-button"));

        UI.getCurrent().navigate("ledger/" + p + "C2-B1-0101");
        assertThat(text("ledger-summary")).contains("not in your area");
    }

    @Test
    void the_arrears_list_shows_the_household_and_opens_its_account_as_of_the_day() {
        login("finance1", Role.FINANCE, null);
        UI.getCurrent().navigate("arrears");
        _setValue(_get(ComboBox.class, s -> s.withId("cluster-filter")), p + "C1");

        assertThat(text("arrears-total")).isEqualTo("100.00");
        assertThat(text("arrears-households")).isEqualTo("1");
        assertThat(text("arrears-bucket-31-90")).isEqualTo("100.00");
        Grid<org.guanjia.billing.Household> households = grid("arrears-households-grid");
        assertThat(GridKt._size(households)).isEqualTo(1);
        assertThat(GridKt._get(households, 0).unitCode()).isEqualTo(unit);

        GridKt._clickItem(households, 0);

        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPathWithQueryParameters())
                .startsWith("ledger/" + unit).contains("asOf=2025-06-15");
        assertThat(text("ledger-arrears")).isEqualTo("100.00");
    }

    @Test
    void an_earlier_day_shows_the_arrears_of_that_day() {
        login("finance1", Role.FINANCE, null);
        UI.getCurrent().navigate("arrears");
        _setValue(_get(ComboBox.class, s -> s.withId("cluster-filter")), p + "C1");

        _setValue(_get(DatePicker.class, s -> s.withId("arrears-as-of")), LocalDate.of(2025, 3, 31));
        assertThat(text("arrears-total")).isEqualTo("0.00");
        _setValue(_get(DatePicker.class, s -> s.withId("arrears-as-of")), LocalDate.of(2025, 4, 1));
        assertThat(text("arrears-total")).isEqualTo("100.00");
        assertThat(text("arrears-bucket-1-30")).isEqualTo("100.00");
    }

    @Test
    void the_payment_list_shows_the_payments_and_a_butler_may_not_record() {
        login("finance1", Role.FINANCE, null);
        UI.getCurrent().navigate("ledger/" + unit);
        recordPayment("20.00", null, null);
        UI.getCurrent().navigate("payments");
        _get(com.vaadin.flow.component.textfield.TextField.class, s -> s.withId("search-field"))
                .setValue(unit);
        Grid<Payment> grid = grid("payments-grid");
        assertThat(GridKt._size(grid)).isEqualTo(1);
        assertThat(GridKt._get(grid, 0).unitCode()).isEqualTo(unit);

        login("butler1", Role.BUTLER, p + "S1");
        UI.getCurrent().navigate("");
        UI.getCurrent().navigate("payments");
        _assertNone(Button.class, s -> s.withId("record-payment-button"));
    }
}

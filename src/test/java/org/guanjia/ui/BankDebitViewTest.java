package org.guanjia.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.QueryParameters;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.guanjia.TestUsers;
import org.guanjia.bankdebit.BankDebitFixture;
import org.guanjia.bankdebit.BankDebitService;
import org.guanjia.bankdebit.DebitBatch;
import org.guanjia.bankdebit.DebitCandidate;
import org.guanjia.bankdebit.DebitItem;
import org.guanjia.bankdebit.Enrolment;
import org.guanjia.bankdebit.FailedDebit;
import org.guanjia.base.Page;
import org.guanjia.base.Role;
import org.guanjia.billing.AllocationService;
import org.guanjia.estate.EstateService;
import org.guanjia.estate.Owner;
import org.guanjia.staff.StaffService;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The bank-debit view end to end without a browser: enrol an owner, make the week's list, refuse
 * a bad result file with its problems listed, import a good one, and the butler logs the call.
 */
class BankDebitViewTest extends KaribuTest {

    @Autowired
    BankDebitService service;
    @Autowired
    EstateService estates;
    @Autowired
    StaffService staff;
    @Autowired
    AllocationService allocations;
    @Autowired
    DSLContext dsl;
    @Autowired
    Clock clock;

    BankDebitFixture f;
    LocalDate today;

    @BeforeEach
    void given_the_bank_debit_fixture() {
        today = LocalDate.now(clock);
        f = BankDebitFixture.create("V" + UUID.randomUUID().toString().substring(0, 6) + "-", dsl,
                estates, staff, service, allocations);
    }

    @SuppressWarnings("unchecked")
    private static <T> Grid<T> grid(String id) {
        return _get(Grid.class, s -> s.withId(id));
    }

    private static <T> List<T> rows(Grid<T> g) {
        List<T> rows = new ArrayList<>();
        for (int i = 0; i < GridKt._size(g); i++) {
            rows.add(GridKt._get(g, i));
        }
        return rows;
    }

    private static String text(String id) {
        return _get(Div.class, s -> s.withId(id)).getElement().getTextRecursively();
    }

    @Test
    @SuppressWarnings("unchecked")
    void finance_enrols_an_owner_and_sees_the_account_masked() {
        login("finance1", Role.FINANCE, null);
        UI.getCurrent().navigate("bank-debit");
        assertThat(_find(Tab.class)).extracting(t -> t.getId().orElse(""))
                .containsExactly("enrolments-tab", "lists-tab", "failed-tab");

        _click(_get(Button.class, s -> s.withId("new-enrolment-button")));
        Owner owner3 = estates.owner(f.owner(3)).orElseThrow();
        _setValue(_get(ComboBox.class, s -> s.withId("owner-field")), owner3);
        _setValue(_get(TextField.class, s -> s.withId("holder-field")), "Holder Three");
        _setValue(_get(TextField.class, s -> s.withId("account-field")), "12");
        _click(_get(Button.class, s -> s.withId("save-button")));
        TextField account = _get(TextField.class, s -> s.withId("account-field"));
        assertThat(account.isInvalid()).isTrue();
        assertThat(account.getErrorMessage()).contains("8 to 30 digits");

        _setValue(account, "6222 6000 9999 8888");
        _click(_get(Button.class, s -> s.withId("save-button")));

        _setValue(_get(TextField.class, s -> s.withId("search-field")), f.unit(3));
        List<Enrolment> listed = rows(grid("enrolments-grid"));
        assertThat(listed).extracting(Enrolment::ownerCode, Enrolment::maskedAccountNo)
                .containsExactly(org.assertj.core.api.Assertions.tuple(f.owner(3), "**** 8888"));
        assertThat(estates.owner(f.owner(3)).orElseThrow().autoDebit()).isTrue();
    }

    @Test
    void finance_makes_the_weekly_list_and_a_bad_result_file_is_refused_with_its_problems() {
        login("finance1", Role.FINANCE, null);
        UI.getCurrent().navigate("bank-debit", QueryParameters.of("tab", "lists"));

        _click(_get(Button.class, s -> s.withId("prepare-list-button")));
        List<DebitCandidate> preview = rows(grid("preview-grid"));
        // as of today U4 owes its statement of 2025-03-28 as well
        assertThat(preview).extracting(DebitCandidate::unitCode).containsExactly(f.unit(1), f.unit(4));
        _click(_get(Button.class, s -> s.withId("create-list-button")));

        // the list opens; its file marks it sent (the anchor's download does what this call does)
        List<DebitItem> items = rows(grid("items-grid"));
        assertThat(items).extracting(DebitItem::unitCode).containsExactly(f.unit(1), f.unit(4));
        String batchNo = items.get(0).batchNo();
        assertThat(_find(Anchor.class, s -> s.withId("download-csv"))).hasSize(1);
        _click(_get(Button.class, s -> s.withId("close-batch-button")));
        service.exportCsv(batchNo);
        Grid<DebitBatch> batches = grid("batches-grid");
        batches.getDataProvider().refreshAll();
        GridKt._clickItem(batches, rows(batches).indexOf(rows(batches).stream()
                .filter(b -> b.batchNo().equals(batchNo)).findFirst().orElseThrow()));

        Upload upload = _get(Upload.class, s -> s.withId("result-upload"));
        UploadKt._upload(upload, "bad.csv", "text/csv", utf8("unit_code,result,amount,debit_date\n"
                + "NOPE,success,1.00," + today + "\n"
                + f.unit(1) + ",perhaps,170.00," + today + "\n"));

        String report = text("import-report");
        assertThat(report).contains("bad.csv:2: unit_code: Unit NOPE is not in list " + batchNo);
        assertThat(report).contains("bad.csv:3: result: Unknown result \"perhaps\"");
        assertThat(service.items(batchNo)).extracting(DebitItem::result).containsOnly("pending");

        UploadKt._upload(upload, "result.csv", "text/csv", utf8("reference,result,amount,debit_date,failure_reason\n"
                + batchNo + "/" + f.unit(1) + ",failed,," + today + ",余额不足\n"));

        assertThat(text("import-report")).contains("result.csv: 0 debited").contains("1 failed")
                .contains("1 still waiting");
        assertThat(service.items(batchNo)).extracting(DebitItem::unitCode, DebitItem::result)
                .containsExactly(org.assertj.core.api.Assertions.tuple(f.unit(1), "failed"),
                        org.assertj.core.api.Assertions.tuple(f.unit(4), "pending"));
    }

    @Test
    void the_butler_sees_the_failed_debit_first_and_logging_the_call_takes_it_off_the_list() {
        TestUsers.signIn("finance1", Role.FINANCE, null);
        DebitBatch b = service.createList(today, null);
        service.exportCsv(b.batchNo());
        service.importResults(b.batchNo(), "r.csv", utf8("unit_code,result,amount,debit_date,failure_reason\n"
                + f.unit(1) + ",failed,," + today + ",账户已冻结\n"));

        login("butler1", Role.BUTLER, f.butler(1));
        UI.getCurrent().navigate("bank-debit");
        assertThat(_find(Tab.class)).extracting(t -> t.getId().orElse(""))
                .containsExactly("failed-tab", "enrolments-tab");
        List<FailedDebit> calls = rows(grid("failed-grid"));
        assertThat(calls).extracting(FailedDebit::unitCode, FailedDebit::failureReason)
                .containsExactly(org.assertj.core.api.Assertions.tuple(f.unit(1), "账户已冻结"));
        Grid<FailedDebit> failed = grid("failed-grid");
        assertThat(((Anchor) GridKt._getCellComponent(failed, 0, "phone")).getHref())
                .isEqualTo("tel:13800000001");

        _click((Button) GridKt._getCellComponent(failed, 0, "call"));
        _click(_get(Button.class, s -> s.withId("log-call-button")));

        assertThat(rows(grid("failed-grid"))).isEmpty();
        assertThat(service.failedDebitsToCall(null)).isEmpty();
        assertThat(service.enrolments(f.prefix(), null, false, Page.first(10)))
                .extracting(Enrolment::maskedAccountNo).allMatch(a -> a.startsWith("**** "));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

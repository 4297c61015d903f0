package org.guanjia.document.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.guanjia.db.Tables.CUSTOMER_DOCUMENTS;
import static org.guanjia.db.Tables.DOCUMENT_DELIVERIES;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.guanjia.MasterDataFixtures;
import org.guanjia.TestClock;
import org.guanjia.base.Role;
import org.guanjia.document.Delivery;
import org.guanjia.document.Document;
import org.guanjia.document.DocumentService;
import org.guanjia.document.NewDocument;
import org.guanjia.estate.EstateService;
import org.guanjia.staff.StaffService;
import org.guanjia.ui.KaribuTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/** The new-document form, the per-unit actions and the call dialog, without a browser. */
@Import(TestClock.Config.class)
class DocumentViewsTest extends KaribuTest {

    @Autowired
    DocumentService service;
    @Autowired
    EstateService estates;
    @Autowired
    StaffService staff;
    @Autowired
    DSLContext dsl;
    @Autowired
    TestClock clock;

    String p;

    @BeforeEach
    void given_an_estate() {
        p = "DV" + UUID.randomUUID().toString().substring(0, 6) + "-";
        MasterDataFixtures.create(p, estates, staff);
        clock.set(LocalDate.of(2025, 7, 1));
        login("b1", Role.BUTLER, p + "S1");
    }

    @SuppressWarnings("unchecked")
    private void fillOutage(String title) {
        UI.getCurrent().navigate("documents");
        _click(_get(Button.class, s -> s.withId("new-document-button")));
        ((Select<String>) _get(Select.class, s -> s.withId("kind-field"))).setValue("water_outage");
        _get(TextField.class, s -> s.withId("title-field")).setValue(title);
        ((ComboBox<String>) _get(ComboBox.class, s -> s.withId("cluster-field"))).setValue(p + "C1");
    }

    @Test
    void an_outage_notice_without_its_window_shows_on_the_fields_and_writes_nothing() {
        fillOutage(p + "Water off");
        _click(_get(Button.class, s -> s.withId("save-button")));

        DateTimePicker from = _get(DateTimePicker.class, s -> s.withId("outage-from-field"));
        assertThat(from.isInvalid()).isTrue();
        assertThat(from.getErrorMessage()).isEqualTo("Required");
        assertThat(dsl.fetchCount(CUSTOMER_DOCUMENTS, CUSTOMER_DOCUMENTS.TITLE.eq(p + "Water off"))).isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_form_creates_the_batch_for_the_cluster_and_opens_it() {
        fillOutage(p + "Water off");
        _get(DateTimePicker.class, s -> s.withId("outage-from-field")).setValue(LocalDateTime.of(2025, 7, 3, 9, 0));
        _get(DateTimePicker.class, s -> s.withId("outage-to-field")).setValue(LocalDateTime.of(2025, 7, 3, 15, 0));
        _click(_get(Button.class, s -> s.withId("save-button")));

        String no = dsl.fetchOne(CUSTOMER_DOCUMENTS, CUSTOMER_DOCUMENTS.TITLE.eq(p + "Water off")).getDocumentNo();
        assertThat(dsl.fetchCount(DOCUMENT_DELIVERIES, DOCUMENT_DELIVERIES.DOCUMENT_NO.eq(no))).isEqualTo(2);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("documents/" + no);

        _click(_get(Button.class, s -> s.withId("dispatch-all-button")));
        assertThat(dsl.fetchCount(DOCUMENT_DELIVERIES, DOCUMENT_DELIVERIES.DOCUMENT_NO.eq(no)
                .and(DOCUMENT_DELIVERIES.DISPATCHED_ON.eq(LocalDate.of(2025, 7, 1))))).isEqualTo(2);
        Grid<Delivery> deliveries = _get(Grid.class, s -> s.withId("deliveries-grid"));
        assertThat(GridKt._get(deliveries, 0).unitCode()).isEqualTo(p + "C1-B1-0101");
        _click((Button) GridKt._getCellComponent(deliveries, 0, "action"));
        assertThat(dsl.fetchOne(DOCUMENT_DELIVERIES, DOCUMENT_DELIVERIES.DOCUMENT_NO.eq(no)
                .and(DOCUMENT_DELIVERIES.UNIT_CODE.eq(p + "C1-B1-0101"))).getDeliveredOn())
                .isEqualTo(LocalDate.of(2025, 7, 1));
    }

    private Document unclaimed() {
        Document d = service.create(new NewDocument("statement", p + "Statement", LocalDate.of(2025, 7, 1), null, null,
                null, null, null, Set.of(p + "C1-B1-0101")));
        service.dispatch(d.no(), List.of(p + "C1-B1-0101"), LocalDate.of(2025, 7, 1));
        clock.set(LocalDate.of(2025, 7, 20));
        return d;
    }

    @SuppressWarnings("unchecked")
    private void openCall(Document d) {
        Grid<Delivery> calls = _get(Grid.class, s -> s.withId("calls-grid"));
        assertThat(GridKt._size(calls)).isEqualTo(1);
        Button call = (Button) GridKt._getCellComponent(calls, 0, "action");
        assertThat(call.getId()).hasValue("call-" + d.no() + "-" + p + "C1-B1-0101");
        _click(call);
    }

    @Test
    void the_call_dialog_records_the_call() {
        Document d = unclaimed();
        UI.getCurrent().navigate("documents");
        openCall(d);
        _get(TextArea.class, s -> s.withId("call-note-field")).setValue("Will collect tonight");
        _click(_get(Button.class, s -> s.withId("save-button")));

        var r = dsl.fetchOne(DOCUMENT_DELIVERIES, DOCUMENT_DELIVERIES.DOCUMENT_NO.eq(d.no()));
        assertThat(r.getCallOn()).isEqualTo(LocalDate.of(2025, 7, 20));
        assertThat(r.getCallNote()).isEqualTo("Will collect tonight");
    }

    @Test
    void a_call_without_a_note_shows_on_the_field_and_writes_nothing() {
        Document d = unclaimed();
        UI.getCurrent().navigate("documents");
        openCall(d);
        _click(_get(Button.class, s -> s.withId("save-button")));

        TextArea note = _get(TextArea.class, s -> s.withId("call-note-field"));
        assertThat(note.isInvalid()).isTrue();
        assertThat(note.getErrorMessage()).isEqualTo("Required");
        assertThat(dsl.fetchOne(DOCUMENT_DELIVERIES, DOCUMENT_DELIVERIES.DOCUMENT_NO.eq(d.no())).getCallOn()).isNull();
    }
}

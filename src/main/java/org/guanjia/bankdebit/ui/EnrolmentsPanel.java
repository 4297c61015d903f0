package org.guanjia.bankdebit.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.guanjia.bankdebit.BankDebitService;
import org.guanjia.bankdebit.Enrolment;
import org.guanjia.bankdebit.EnrolmentForm;
import org.guanjia.base.Page;
import org.guanjia.base.ui.Badges;
import org.guanjia.base.ui.EditDialog;
import org.guanjia.base.ui.Formats;
import org.guanjia.base.ui.ListToolbar;
import org.guanjia.base.ui.Responsive;
import org.guanjia.estate.Cluster;
import org.guanjia.estate.EstateService;
import org.guanjia.estate.Owner;
import org.guanjia.estate.UnitFilter;

/** The owners' enrolments: a list filtered by text and cluster, and the enrolment dialog. */
class EnrolmentsPanel extends VerticalLayout {

    private final BankDebitService service;
    private final EstateService estates;
    private final Clock clock;
    private final boolean editor;
    private final Grid<Enrolment> grid = new Grid<>(Enrolment.class, false);
    private final ComboBox<String> clusterFilter = new ComboBox<>();
    private final Checkbox activeOnly = new Checkbox();
    private final ComboBox<Owner> owner = new ComboBox<>();
    private final TextField holder = new TextField();
    private final TextField account = new TextField();
    private final EditDialog<EnrolmentForm> dialog;
    private String text = "";
    private Long editing;

    EnrolmentsPanel(BankDebitService service, EstateService estates, Clock clock) {
        this.service = service;
        this.estates = estates;
        this.clock = clock;
        this.editor = service.canWrite();
        setId("enrolments-panel");
        setSizeFull();
        dialog = dialog();
        add(toolbar(), grid());
        refresh();
    }

    private ListToolbar toolbar() {
        clusterFilter.setPlaceholder(getTranslation("field.cluster"));
        clusterFilter.setItems(estates.clusters().stream().map(Cluster::code).toList());
        clusterFilter.setClearButtonVisible(true);
        clusterFilter.setId("enrolment-cluster-filter");
        clusterFilter.setWidth("9rem");
        clusterFilter.addValueChangeListener(e -> refresh());
        activeOnly.setLabel(getTranslation("debit.enrolment.activeOnly"));
        activeOnly.setValue(true);
        activeOnly.setId("active-only");
        activeOnly.addValueChangeListener(e -> refresh());
        ListToolbar toolbar = new ListToolbar(t -> {
            text = t;
            refresh();
        }).filters(clusterFilter, activeOnly);
        if (editor) {
            toolbar.newButton("new-enrolment-button", this::create);
        }
        return toolbar;
    }

    private Grid<Enrolment> grid() {
        LocalDate today = LocalDate.now(clock);
        grid.setId("enrolments-grid");
        grid.setSizeFull();
        grid.addColumn(Enrolment::unitCode).setHeader(getTranslation("field.unit")).setAutoWidth(true)
                .setFrozen(true);
        var ownerCol = grid.addColumn(Enrolment::ownerName).setHeader(getTranslation("field.owner"))
                .setAutoWidth(true);
        var cluster = grid.addColumn(Enrolment::clusterCode).setHeader(getTranslation("field.cluster"))
                .setAutoWidth(true);
        var bank = grid.addColumn(Enrolment::bankName).setHeader(getTranslation("debit.field.bankName"))
                .setAutoWidth(true);
        var holderCol = grid.addColumn(Enrolment::accountHolder)
                .setHeader(getTranslation("debit.field.accountHolder")).setAutoWidth(true);
        grid.addColumn(Enrolment::maskedAccountNo).setHeader(getTranslation("debit.field.accountNo"))
                .setAutoWidth(true);
        var from = grid.addColumn(e -> Formats.date(e.enrolledOn()))
                .setHeader(getTranslation("debit.field.enrolledOn")).setAutoWidth(true);
        var to = grid.addColumn(e -> Formats.date(e.endedOn()))
                .setHeader(getTranslation("debit.field.endedOn")).setAutoWidth(true);
        var state = grid.addComponentColumn(e -> e.activeOn(today)
                        ? Badges.badge(getTranslation("debit.enrolment.active"), "success")
                        : e.enrolledOn().isAfter(today)
                                ? Badges.badge(getTranslation("debit.enrolment.upcoming"), "")
                                : Badges.badge(getTranslation("debit.enrolment.ended"), "contrast"))
                .setHeader(getTranslation("field.status")).setAutoWidth(true);
        // on a phone: unit and account; "active only" is the default filter
        Responsive.hideOnPhone(grid, List.of(ownerCol, cluster, bank, holderCol, from, to, state));
        grid.addItemClickListener(e -> edit(e.getItem()));
        return grid;
    }

    private EditDialog<EnrolmentForm> dialog() {
        owner.setLabel(getTranslation("field.owner"));
        owner.setId("owner-field");
        owner.setItems(query -> estates.owners(new UnitFilter(query.getFilter().orElse(""), null, null,
                null, null), new Page(query.getOffset(), query.getLimit())).stream());
        owner.setItemLabelGenerator(o -> o.name() + " · " + o.unitCode() + " (" + o.code() + ")");
        owner.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null && holder.isEmpty()) {
                holder.setValue(e.getValue().name());
            }
        });
        TextField bank = new TextField(getTranslation("debit.field.bankName"));
        bank.setId("bank-field");
        holder.setLabel(getTranslation("debit.field.accountHolder"));
        holder.setId("holder-field");
        account.setLabel(getTranslation("debit.field.accountNo"));
        account.setId("account-field");
        DatePicker enrolled = new DatePicker(getTranslation("debit.field.enrolledOn"));
        enrolled.setId("enrolled-field");
        DatePicker ended = new DatePicker(getTranslation("debit.field.endedOn"));
        ended.setId("ended-field");
        TextArea note = new TextArea(getTranslation("field.note"));
        note.setId("note-field");
        Binder<EnrolmentForm> binder = new Binder<>(EnrolmentForm.class);
        binder.forField(owner).asRequired(getTranslation("validation.required"))
                .withConverter(o -> o == null ? null : o.code(),
                        code -> code == null ? null : estates.owner(code).orElse(null))
                .bind("ownerCode");
        binder.forField(bank).asRequired(getTranslation("validation.required")).bind("bankName");
        binder.forField(holder).asRequired(getTranslation("validation.required")).bind("accountHolder");
        binder.forField(account).bind("accountNo");
        binder.forField(enrolled).asRequired(getTranslation("validation.required")).bind("enrolledOn");
        binder.forField(ended).bind("endedOn");
        binder.forField(note).bind("note");
        FormLayout form = new FormLayout(owner, bank, holder, account, enrolled, ended, note);
        form.setColspan(owner, 2);
        form.setColspan(note, 2);
        EditDialog<EnrolmentForm> d = new EditDialog<>("enrolment", binder, form, (f, isNew) -> {
            service.saveEnrolment(isNew ? null : editing, f);
            return f;
        }, saved -> refresh());
        d.setEditable(editor);
        return d;
    }

    private void create() {
        editing = null;
        owner.setReadOnly(false);
        account.setPlaceholder("");
        account.setHelperText(getTranslation("debit.enrolment.accountHelpNew"));
        dialog.open(getTranslation("debit.enrolment.new"), new EnrolmentForm(null,
                getTranslation("debit.bank.default"), null, null, LocalDate.now(clock), null, null), true);
    }

    private void edit(Enrolment e) {
        editing = e.id();
        owner.setReadOnly(true);
        account.setPlaceholder(e.maskedAccountNo());
        account.setHelperText(editor ? getTranslation("debit.enrolment.accountHelpKeep") : null);
        // readers get the listed values; the account number never leaves the server unmasked
        EnrolmentForm form = editor ? service.enrolmentForm(e.id()).orElse(null)
                : new EnrolmentForm(e.ownerCode(), e.bankName(), e.accountHolder(), null, e.enrolledOn(),
                        e.endedOn(), e.note());
        if (form != null) {
            dialog.open(getTranslation("debit.enrolment.edit"), form, false);
        }
    }

    void refresh() {
        String cluster = clusterFilter.getValue();
        boolean active = activeOnly.getValue();
        grid.setItems(q -> service.enrolments(text, cluster, active, new Page(q.getOffset(), q.getLimit()))
                .stream(), q -> service.countEnrolments(text, cluster, active));
    }
}

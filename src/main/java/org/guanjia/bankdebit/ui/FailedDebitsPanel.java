package org.guanjia.bankdebit.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.guanjia.bankdebit.BankDebitService;
import org.guanjia.bankdebit.CallLog;
import org.guanjia.bankdebit.FailedDebit;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.ValidationException;
import org.guanjia.base.ui.Formats;
import org.guanjia.base.ui.Notifications;
import org.guanjia.base.ui.PhoneLink;
import org.guanjia.base.ui.Responsive;
import org.guanjia.estate.Cluster;
import org.guanjia.estate.EstateService;

/**
 * The failed debits to phone about (rulebook 十: call the owner to put money in the account, and
 * log the call in the collection log): the bank's reason, the owner's phone (a tel: link on a
 * phone) and a "log call" button that takes the unit off the list.
 */
class FailedDebitsPanel extends VerticalLayout {

    private final BankDebitService service;
    private final Clock clock;
    private final boolean caller;
    private final Grid<FailedDebit> grid = new Grid<>(FailedDebit.class, false);
    private final ComboBox<String> clusterFilter = new ComboBox<>();
    private final Span count = new Span();

    FailedDebitsPanel(BankDebitService service, EstateService estates, Clock clock) {
        this.service = service;
        this.clock = clock;
        this.caller = service.canLogCalls();
        setId("failed-panel");
        setSizeFull();
        clusterFilter.setPlaceholder(getTranslation("field.cluster"));
        clusterFilter.setItems(estates.clusters().stream().map(Cluster::code).toList());
        clusterFilter.setClearButtonVisible(true);
        clusterFilter.setId("failed-cluster-filter");
        clusterFilter.setWidth("9rem");
        clusterFilter.addValueChangeListener(e -> refresh());
        count.setId("failed-count");
        count.addClassNames(LumoUtility.TextColor.SECONDARY);
        FlexLayout bar = new FlexLayout(clusterFilter, count);
        bar.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        bar.setAlignItems(Alignment.BASELINE);
        bar.addClassNames(LumoUtility.Gap.MEDIUM);
        add(bar, grid());
        refresh();
    }

    private Grid<FailedDebit> grid() {
        grid.setId("failed-grid");
        grid.setSizeFull();
        grid.addColumn(FailedDebit::unitCode).setHeader(getTranslation("field.unit")).setAutoWidth(true)
                .setFrozen(true);
        var owner = grid.addColumn(FailedDebit::ownerName).setHeader(getTranslation("field.owner"))
                .setAutoWidth(true);
        grid.addComponentColumn(this::phone).setHeader(getTranslation("field.phone")).setKey("phone")
                .setAutoWidth(true);
        var amount = grid.addColumn(f -> Formats.decimal(f.amount(), 2))
                .setHeader(getTranslation("field.amount")).setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        var reason = grid.addColumn(FailedDebit::failureReason)
                .setHeader(getTranslation("debit.field.failureReason")).setAutoWidth(true);
        var date = grid.addColumn(f -> Formats.date(f.resultOn()))
                .setHeader(getTranslation("debit.field.resultOn")).setAutoWidth(true);
        var batch = grid.addColumn(FailedDebit::batchNo).setHeader(getTranslation("debit.field.batchNo"))
                .setAutoWidth(true);
        List<Grid.Column<FailedDebit>> secondary = new ArrayList<>(List.of(owner, amount,
                reason, date, batch));
        if (caller) {
            secondary.add(grid.addComponentColumn(f -> {
                Button call = new Button(getTranslation("debit.call.button"), VaadinIcon.PHONE.create(),
                        e -> new CallDialog(f).open());
                call.setId("call-" + f.unitCode());
                // the row click opens the same dialog: keep the grid from seeing this click
                call.getElement().addEventListener("click", ignored -> { }).stopPropagation();
                call.addThemeVariants(ButtonVariant.LUMO_SMALL);
                return call;
            }).setKey("call").setAutoWidth(true).setFlexGrow(0));
            // on a phone the row is the button: unit and a tap-to-call number, details in the dialog
            grid.addItemClickListener(e -> new CallDialog(e.getItem()).open());
        }
        Responsive.hideOnPhone(grid, secondary);
        return grid;
    }

    private Component phone(FailedDebit f) {
        if (f.phone() == null) {
            return new Span("—");
        }
        Anchor a = PhoneLink.of(f.phone(), f.phone());
        a.setId("tel-" + f.unitCode());
        return a;
    }

    void refresh() {
        List<FailedDebit> list = service.failedDebitsToCall(clusterFilter.getValue());
        grid.setItems(list);
        count.setText(list.isEmpty() ? getTranslation("debit.failed.none")
                : getTranslation("debit.failed.count", list.size()));
    }

    /** Logs the call: the note starts with the bank's reason; a promised date is optional. */
    private final class CallDialog extends Dialog {

        CallDialog(FailedDebit f) {
            setId("call-dialog");
            setWidth("min(32rem, 100vw)");
            setHeaderTitle(getTranslation("debit.call.title", f.unitCode()));
            Span who = new Span(getTranslation("debit.call.who", f.ownerName() == null ? "—" : f.ownerName(),
                    Formats.decimal(f.amount(), 2), f.failureReason()));
            who.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
            TextArea note = new TextArea(getTranslation("field.note"));
            note.setId("call-note");
            note.setValue(getTranslation("debit.call.defaultNote", f.failureReason()));
            note.setWidthFull();
            LocalDate today = LocalDate.now(clock);
            DatePicker promised = new DatePicker(getTranslation("debit.field.promisedOn"));
            promised.setId("call-promised");
            promised.setMin(today);
            FormLayout form = new FormLayout(who, phone(f), note, promised);
            form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
            add(form);
            Button save = new Button(getTranslation("debit.call.save"), e -> {
                try {
                    service.logCall(new CallLog(f.batchNo(), f.unitCode(), note.getValue(),
                            promised.getValue()));
                    close();
                    Notifications.saved();
                    refresh();
                } catch (ValidationException ex) {
                    ValidationException.Problem p = ex.problems().get(0);
                    Notifications.error(p.messageKey(), p.args().toArray());
                } catch (AccessDeniedException ex) {
                    Notifications.error(ex.messageKey(), ex.args());
                }
            });
            save.setId("log-call-button");
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Button cancel = new Button(getTranslation("common.cancel"), e -> close());
            getFooter().add(cancel, save);
        }
    }
}

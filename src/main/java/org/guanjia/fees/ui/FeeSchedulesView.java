package org.guanjia.fees.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.guanjia.base.CurrentUser;
import org.guanjia.base.Role;
import org.guanjia.base.ui.Badges;
import org.guanjia.base.ui.EditDialog;
import org.guanjia.base.ui.Formats;
import org.guanjia.base.ui.ListToolbar;
import org.guanjia.base.ui.Responsive;
import org.guanjia.estate.Estate;
import org.guanjia.estate.EstateService;
import org.guanjia.estate.Unit;
import org.guanjia.fees.FeeSchedule;
import org.guanjia.fees.FeeScheduleService;
import org.guanjia.fees.FeeType;

/**
 * Fee schedules (F12): the rates per estate, unit type and fee over time. Finance and
 * administrators edit them; a new rate is set from a date with "change rate", which never
 * touches statements already issued.
 */
@Route("fee-schedules")
@Menu(title = "fees.nav.schedules", order = 30, icon = "vaadin:book-percent")
@RolesAllowed({"ADMIN", "FINANCE", "MANAGER", "SUPERVISOR", "SERVICE_DESK"})
class FeeSchedulesView extends VerticalLayout {

    private final FeeScheduleService service;
    private final Clock clock;
    private final boolean editor;
    private final Grid<FeeSchedule> grid = new Grid<>(FeeSchedule.class, false);
    private final ComboBox<String> estateFilter = new ComboBox<>();
    private final TextField code = new TextField();
    private final ComboBox<String> estate = new ComboBox<>();
    private final Select<String> unitType = new Select<>();
    private final Select<String> feeType = new Select<>();
    private final Button changeRate = new Button();
    private final EditDialog<FeeSchedule> dialog;
    private final ChangeRateDialog changeRateDialog;
    private FeeSchedule current;
    private String text = "";

    FeeSchedulesView(FeeScheduleService service, EstateService estates, CurrentUser user, Clock clock) {
        this.service = service;
        this.clock = clock;
        setId("fee-schedules-view");
        setSizeFull();
        editor = user.hasRole(Role.ADMIN) || user.hasRole(Role.FINANCE);
        List<String> estateCodes = estates.estates().stream().map(Estate::code).toList();
        dialog = dialog(estateCodes);
        changeRateDialog = new ChangeRateDialog(service, saved -> {
            dialog.close();
            refresh();
        });
        Paragraph rule = new Paragraph(getTranslation("fees.schedule.rule"));
        rule.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL,
                LumoUtility.Margin.NONE);
        add(toolbar(estateCodes), rule, grid());
        refresh();
    }

    private ListToolbar toolbar(List<String> estateCodes) {
        estateFilter.setId("estate-filter");
        estateFilter.setPlaceholder(getTranslation("field.estate"));
        estateFilter.setItems(estateCodes);
        estateFilter.setClearButtonVisible(true);
        estateFilter.setWidth("10rem");
        estateFilter.addValueChangeListener(e -> refresh());
        ListToolbar toolbar = new ListToolbar(t -> {
            text = t == null ? "" : t.trim().toLowerCase(Locale.ROOT);
            refresh();
        }).filters(estateFilter);
        if (editor) {
            toolbar.newButton("new-button", () -> edit(new FeeSchedule(null, estateFilter.getValue(),
                    "residential", "property_fee", null, LocalDate.now(clock).plusMonths(1).withDayOfMonth(1),
                    null), true));
        }
        return toolbar;
    }

    private Grid<FeeSchedule> grid() {
        LocalDate today = LocalDate.now(clock);
        grid.setId("fee-schedules-grid");
        grid.setSizeFull();
        var codeCol = grid.addColumn(FeeSchedule::code).setHeader(getTranslation("field.code"))
                .setAutoWidth(true);
        var estateCol = grid.addColumn(FeeSchedule::estateCode).setHeader(getTranslation("field.estate"))
                .setAutoWidth(true);
        var typeCol = grid.addColumn(s -> Formats.enumLabel("unitType", s.unitType()))
                .setHeader(getTranslation("field.unitType")).setAutoWidth(true);
        grid.addColumn(s -> Formats.enumLabel("feeType", s.feeType())).setHeader(getTranslation("field.feeType"))
                .setAutoWidth(true);
        grid.addColumn(s -> rate(s.rate())).setHeader(getTranslation("fees.field.rate"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        var from = grid.addColumn(s -> Formats.date(s.validFrom())).setHeader(getTranslation("fees.field.validFrom"))
                .setAutoWidth(true);
        var to = grid.addColumn(s -> s.validTo() == null ? getTranslation("fees.schedule.openEnded")
                : Formats.date(s.validTo())).setHeader(getTranslation("fees.field.validTo")).setAutoWidth(true);
        grid.addComponentColumn(s -> s.validOn(today) ? Badges.badge(getTranslation("fees.schedule.current"), "success")
                        : s.validFrom().isAfter(today) ? Badges.badge(getTranslation("fees.schedule.future"), "")
                        : Badges.badge(getTranslation("fees.schedule.past"), "contrast"))
                .setHeader(getTranslation("field.status")).setAutoWidth(true);
        // a phone shows fee, rate and status; the dialog has the rest
        Responsive.hideOnPhone(grid, List.of(codeCol, estateCol, typeCol, from, to));
        grid.addItemClickListener(e -> edit(e.getItem(), false));
        return grid;
    }

    /** A rate with its decimals (up to 4), e.g. 2.50 or 2.4850. */
    static String rate(BigDecimal rate) {
        int decimals = Math.max(2, Math.min(4, rate.stripTrailingZeros().scale()));
        return Formats.decimal(rate, decimals);
    }

    private EditDialog<FeeSchedule> dialog(List<String> estateCodes) {
        code.setLabel(getTranslation("field.code"));
        code.setId("code-field");
        estate.setLabel(getTranslation("field.estate"));
        estate.setItems(estateCodes);
        estate.setId("estate-field");
        unitType.setLabel(getTranslation("field.unitType"));
        unitType.setItems(Unit.TYPES);
        unitType.setItemLabelGenerator(t -> Formats.enumLabel("unitType", t));
        unitType.setId("unit-type-field");
        feeType.setLabel(getTranslation("field.feeType"));
        feeType.setItems(service.scheduledFeeTypes().stream().map(FeeType::code).toList());
        feeType.setItemLabelGenerator(t -> Formats.enumLabel("feeType", t));
        feeType.setId("fee-type-field");
        BigDecimalField rate = new BigDecimalField(getTranslation("fees.field.rate"));
        rate.setId("rate-field");
        rate.setHelperText(getTranslation("fees.schedule.rateHelp"));
        DatePicker from = new DatePicker(getTranslation("fees.field.validFrom"));
        from.setId("valid-from-field");
        DatePicker to = new DatePicker(getTranslation("fees.field.validTo"));
        to.setId("valid-to-field");
        to.setHelperText(getTranslation("fees.schedule.openEndedHelp"));
        Binder<FeeSchedule> binder = new Binder<>(FeeSchedule.class);
        binder.forField(code).asRequired(getTranslation("validation.required")).bind("code");
        binder.forField(estate).asRequired(getTranslation("validation.required")).bind("estateCode");
        binder.forField(unitType).asRequired(getTranslation("validation.required")).bind("unitType");
        binder.forField(feeType).asRequired(getTranslation("validation.required")).bind("feeType");
        binder.forField(rate).asRequired(getTranslation("validation.required"))
                .withValidator(r -> r.signum() >= 0, getTranslation("fees.schedule.negativeRate"))
                .withValidator(r -> r.stripTrailingZeros().scale() <= 4, getTranslation("validation.decimals", 4))
                .bind("rate");
        binder.forField(from).asRequired(getTranslation("validation.required")).bind("validFrom");
        binder.forField(to).bind("validTo");
        EditDialog<FeeSchedule> d = new EditDialog<>("fee-schedule", binder,
                new FormLayout(code, estate, unitType, feeType, rate, from, to),
                service::save, saved -> refresh());
        d.setEditable(editor);
        changeRate.setText(getTranslation("fees.schedule.changeRate"));
        changeRate.setIcon(VaadinIcon.CALENDAR_CLOCK.create());
        changeRate.setId("change-rate-button");
        changeRate.addClickListener(e -> changeRateDialog.open(current));
        d.addBelow(changeRate);
        return d;
    }

    private void edit(FeeSchedule s, boolean isNew) {
        current = s;
        code.setReadOnly(!isNew || !editor);
        // the estate, unit type and fee of a schedule stay: a new one is made instead
        estate.setReadOnly(!isNew || !editor);
        unitType.setReadOnly(!isNew || !editor);
        feeType.setReadOnly(!isNew || !editor);
        changeRate.setVisible(editor && !isNew);
        dialog.open(getTranslation(isNew ? "fees.schedule.new" : "fees.schedule.edit"), s, isNew);
    }

    private void refresh() {
        List<FeeSchedule> list = service.schedules(estateFilter.getValue()).stream()
                .filter(s -> text.isEmpty() || s.code().toLowerCase(Locale.ROOT).contains(text)
                        || s.feeType().contains(text))
                .toList();
        grid.setItems(list);
    }
}

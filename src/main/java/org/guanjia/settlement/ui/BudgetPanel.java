package org.guanjia.settlement.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.FooterRow;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.ValidationException;
import org.guanjia.base.ui.EditDialog;
import org.guanjia.base.ui.Formats;
import org.guanjia.base.ui.Notifications;
import org.guanjia.base.ui.Responsive;
import org.guanjia.estate.Estate;
import org.guanjia.settlement.BudgetLine;
import org.guanjia.settlement.BudgetSummary;
import org.guanjia.settlement.CostEntry;
import org.guanjia.settlement.PrepaymentSchedule;
import org.guanjia.settlement.SettlementCalculator;
import org.guanjia.settlement.SettlementService;

/**
 * The year's budget by category (amount and allocation key, editable), the actual costs booked
 * against it, the monthly prepayment rate it implies, and the cost entries.
 */
class BudgetPanel extends VerticalLayout {

    /** What the budget dialog edits. */
    public record BudgetForm(String category, String allocationKey, BigDecimal budgetAmount) {
    }

    /** What the cost dialog edits. */
    public record CostForm(String category, LocalDate bookedOn, BigDecimal amount, String reference, String note) {
    }

    private final SettlementService service;
    private final boolean writer;
    /** A writer on a year whose settlement is not final. */
    private boolean editable;
    private final Clock clock;
    private final Grid<BudgetLine> budgetGrid = new Grid<>();
    private final Grid<CostEntry> costGrid = new Grid<>();
    private final Span rate = new Span();
    private final Button apply = new Button();
    private final Button addCost = new Button();
    private final EditDialog<BudgetForm> budgetDialog;
    private final EditDialog<CostForm> costDialog;
    private FooterRow totals;
    private Grid.Column<BudgetLine> budgetColumn;
    private Grid.Column<BudgetLine> actualColumn;
    private Grid.Column<BudgetLine> categoryColumn;
    private Estate estate;
    private int year;
    private String currency = "CNY";
    private Runnable onChange = () -> { };

    BudgetPanel(SettlementService service, boolean writer, Clock clock) {
        this.service = service;
        this.clock = clock;
        this.writer = writer;
        setPadding(false);
        setWidthFull();
        budgetDialog = budgetDialog();
        costDialog = costDialog();
        rate.setId("settle-rate");
        apply.setText(getTranslation("settle.action.applyRate"));
        apply.setId("apply-rate-button");
        apply.setVisible(writer);
        apply.addClickListener(e -> applyRate());
        FlexLayout rateBar = new FlexLayout(rate, apply);
        rateBar.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        rateBar.setAlignItems(FlexComponent.Alignment.BASELINE);
        rateBar.addClassNames(LumoUtility.Gap.MEDIUM);
        addCost.setText(getTranslation("settle.action.addCost"));
        addCost.setIcon(VaadinIcon.PLUS.create());
        addCost.setId("add-cost-button");
        addCost.setVisible(writer);
        addCost.addClickListener(e -> costDialog.open(getTranslation("settle.action.addCost"),
                new CostForm(null, defaultBookingDay(), null, null, null), true));
        FlexLayout costBar = new FlexLayout(new H3(getTranslation("settle.costs")), addCost);
        costBar.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        costBar.setAlignItems(FlexComponent.Alignment.BASELINE);
        costBar.addClassNames(LumoUtility.Gap.MEDIUM);
        add(rateBar, budgetGrid(), costBar, costGrid());
    }

    void onChange(Runnable r) {
        onChange = r;
    }

    private Grid<BudgetLine> budgetGrid() {
        budgetGrid.setId("budget-grid");
        budgetGrid.setAllRowsVisible(true);
        // long category names wrap, so the amounts stay in view on a phone
        budgetGrid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        categoryColumn = budgetGrid.addColumn(b -> getTranslation("settle.category." + b.category()))
                .setHeader(getTranslation("settle.field.category")).setFlexGrow(1);
        var key = budgetGrid.addColumn(b -> getTranslation("settle.key." + b.allocationKey()))
                .setHeader(getTranslation("settle.field.allocationKey")).setAutoWidth(true);
        budgetColumn = budgetGrid.addColumn(b -> Formats.decimal(b.budgetAmount(), 2))
                .setHeader(getTranslation("settle.field.budget")).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        actualColumn = budgetGrid.addColumn(b -> Formats.decimal(b.actualAmount(), 2))
                .setHeader(getTranslation("settle.field.actual")).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        var diff = budgetGrid.addColumn(b -> b.actualAmount() == null || b.budgetAmount() == null ? "—"
                        : Formats.decimal(b.actualAmount().subtract(b.budgetAmount()), 2))
                .setHeader(getTranslation("settle.field.difference")).setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        totals = budgetGrid.appendFooterRow();
        Responsive.hideOnPhone(budgetGrid, List.of(key, diff));
        budgetGrid.addItemClickListener(e -> {
            if (editable) {
                BudgetLine b = e.getItem();
                budgetDialog.open(getTranslation("settle.category." + b.category()),
                        new BudgetForm(b.category(), b.allocationKey(), b.budgetAmount()), false);
            }
        });
        return budgetGrid;
    }

    private Grid<CostEntry> costGrid() {
        costGrid.setId("costs-grid");
        costGrid.setAllRowsVisible(true);
        costGrid.addColumn(c -> Formats.date(c.bookedOn())).setHeader(getTranslation("settle.field.bookedOn"))
                .setAutoWidth(true);
        costGrid.addColumn(c -> getTranslation("settle.category." + c.category()))
                .setHeader(getTranslation("settle.field.category")).setAutoWidth(true);
        costGrid.addColumn(c -> Formats.decimal(c.amount(), 2)).setHeader(getTranslation("field.amount"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        var ref = costGrid.addColumn(CostEntry::reference).setHeader(getTranslation("settle.field.reference"))
                .setAutoWidth(true);
        var note = costGrid.addColumn(CostEntry::note).setHeader(getTranslation("field.note")).setFlexGrow(1);
        if (writer) {
            costGrid.addComponentColumn(c -> {
                if (!editable) {
                    return new Span();
                }
                Button delete = new Button(VaadinIcon.TRASH.create(), e -> deleteCost(c));
                delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
                delete.setAriaLabel(getTranslation("settle.action.deleteCost"));
                delete.setTooltipText(getTranslation("settle.action.deleteCost"));
                delete.addClassName("delete-cost-button");
                return delete;
            }).setAutoWidth(true).setFlexGrow(0);
        }
        Responsive.hideOnPhone(costGrid, List.of(ref, note));
        return costGrid;
    }

    private EditDialog<BudgetForm> budgetDialog() {
        TextField category = new TextField(getTranslation("settle.field.category"));
        category.setReadOnly(true);
        Select<String> key = new Select<>();
        key.setLabel(getTranslation("settle.field.allocationKey"));
        key.setId("allocationKey-field");
        key.setItems(SettlementCalculator.KEYS);
        key.setItemLabelGenerator(k -> getTranslation("settle.key." + k));
        BigDecimalField amount = new BigDecimalField(getTranslation("settle.field.budget"));
        amount.setId("budgetAmount-field");
        Binder<BudgetForm> binder = new Binder<>(BudgetForm.class);
        binder.forField(category).bind("category");
        binder.forField(key).asRequired(getTranslation("validation.required")).bind("allocationKey");
        binder.forField(amount).asRequired(getTranslation("validation.required")).bind("budgetAmount");
        return new EditDialog<>("budget", binder, new FormLayout(key, amount),
                (f, isNew) -> {
                    service.saveBudgetLine(new BudgetLine(estate.code(), year, f.category(), f.allocationKey(),
                            f.budgetAmount(), null));
                    return f;
                }, saved -> onChange.run());
    }

    private EditDialog<CostForm> costDialog() {
        Select<String> category = new Select<>();
        category.setLabel(getTranslation("settle.field.category"));
        category.setId("category-field");
        category.setItems(SettlementCalculator.CATEGORIES);
        category.setItemLabelGenerator(c -> getTranslation("settle.category." + c));
        DatePicker bookedOn = new DatePicker(getTranslation("settle.field.bookedOn"));
        bookedOn.setId("bookedOn-field");
        BigDecimalField amount = new BigDecimalField(getTranslation("field.amount"));
        amount.setId("amount-field");
        TextField reference = new TextField(getTranslation("settle.field.reference"));
        reference.setId("reference-field");
        TextField note = new TextField(getTranslation("field.note"));
        note.setId("note-field");
        Binder<CostForm> binder = new Binder<>(CostForm.class);
        binder.forField(category).asRequired(getTranslation("validation.required")).bind("category");
        binder.forField(bookedOn).asRequired(getTranslation("validation.required")).bind("bookedOn");
        binder.forField(amount).asRequired(getTranslation("validation.required")).bind("amount");
        binder.forField(reference).bind("reference");
        binder.forField(note).bind("note");
        return new EditDialog<>("cost", binder, new FormLayout(category, bookedOn, amount, reference, note),
                (f, isNew) -> {
                    service.addCost(new CostEntry(null, estate.code(), year, f.category(), f.bookedOn(),
                            f.amount(), f.reference(), f.note()));
                    return f;
                }, saved -> onChange.run());
    }

    void show(Estate estate, int year) {
        this.estate = estate;
        this.year = year;
        BudgetSummary b = service.budget(estate.code(), year);
        currency = b.currency();
        budgetGrid.setItems(withEveryCategory(b.lines()));
        totals.getCell(categoryColumn).setText(getTranslation("settle.total"));
        totals.getCell(budgetColumn).setText(Formats.decimal(b.budgetTotal(), 2));
        totals.getCell(actualColumn).setText(Formats.decimal(b.actualTotal(), 2));
        rate.setText(b.prepaymentRate() == null ? getTranslation("settle.rate.none")
                : getTranslation("settle.rate", Money.format(b.budgetTotal(), currency),
                        Formats.decimal(b.areaMonths(), 2), Formats.decimal(b.prepaymentRate(), 4),
                        b.appliedRate() == null ? getTranslation("settle.rate.notApplied")
                                : Formats.decimal(b.appliedRate(), 4)));
        costGrid.setItems(service.costs(estate.code(), year));
        editable = writer && service.settlement(estate.code(), year).filter(s -> s.isFinal()).isEmpty();
        apply.setVisible(editable);
        addCost.setVisible(editable);
        apply.setEnabled(b.prepaymentRate() != null);
    }

    /** Today, or 31 December for a past year: the usual day of a cost booked for that year. */
    private LocalDate defaultBookingDay() {
        LocalDate today = LocalDate.now(clock);
        LocalDate last = LocalDate.of(year, 12, 31);
        return today.isAfter(last) ? last : today;
    }

    /** Every category, those without a budget yet with empty amounts (a click budgets them). */
    private List<BudgetLine> withEveryCategory(List<BudgetLine> lines) {
        List<BudgetLine> all = new ArrayList<>();
        for (String c : SettlementCalculator.CATEGORIES) {
            all.add(lines.stream().filter(l -> l.category().equals(c)).findFirst()
                    .orElse(new BudgetLine(estate.code(), year, c, SettlementCalculator.AREA, null, null)));
        }
        return all;
    }

    private void applyRate() {
        try {
            PrepaymentSchedule s = service.applyPrepaymentRate(estate.code(), year);
            Notifications.saved();
            com.vaadin.flow.component.notification.Notification.show(getTranslation("settle.rate.applied",
                    Formats.decimal(s.rate(), 4), Formats.date(s.validFrom()), Formats.date(s.validTo())));
            onChange.run();
        } catch (ValidationException ex) {
            ValidationException.Problem p = ex.problems().get(0);
            Notifications.error(p.messageKey(), p.args().toArray());
        } catch (AccessDeniedException ex) {
            Notifications.error(ex.messageKey(), ex.args());
        }
    }

    private void deleteCost(CostEntry c) {
        try {
            service.deleteCost(c.id());
            onChange.run();
        } catch (ValidationException ex) {
            ValidationException.Problem p = ex.problems().get(0);
            Notifications.error(p.messageKey(), p.args().toArray());
        } catch (AccessDeniedException ex) {
            Notifications.error(ex.messageKey(), ex.args());
        }
    }

    String currency() {
        return currency;
    }
}

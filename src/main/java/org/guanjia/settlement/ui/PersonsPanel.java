package org.guanjia.settlement.ui;

import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.List;
import org.guanjia.base.ui.EditDialog;
import org.guanjia.base.ui.Formats;
import org.guanjia.base.ui.ListToolbar;
import org.guanjia.base.ui.Responsive;
import org.guanjia.estate.Estate;
import org.guanjia.settlement.SettlementService;
import org.guanjia.settlement.UnitPersons;

/** Persons per unit for the year, the basis of categories settled by head count. */
class PersonsPanel extends VerticalLayout {

    /** What the dialog edits. */
    public record PersonsForm(String unitCode, Integer persons) {
    }

    private final SettlementService service;
    private final Grid<UnitPersons> grid = new Grid<>();
    private final EditDialog<PersonsForm> dialog;
    private Estate estate;
    private int year;
    private String text = "";
    private Runnable onChange = () -> { };

    PersonsPanel(SettlementService service, boolean writer) {
        this.service = service;
        setPadding(false);
        setSizeFull();
        Span hint = new Span(getTranslation("settle.persons.hint"));
        hint.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        ListToolbar toolbar = new ListToolbar(t -> {
            text = t == null ? "" : t.trim();
            refresh();
        });
        grid.setId("persons-grid");
        grid.setSizeFull();
        grid.setMinHeight("20rem");
        grid.addColumn(UnitPersons::unitCode).setHeader(getTranslation("field.unit")).setAutoWidth(true);
        var cluster = grid.addColumn(UnitPersons::clusterCode).setHeader(getTranslation("field.cluster"))
                .setAutoWidth(true);
        var area = grid.addColumn(u -> Formats.decimal(u.areaSqm(), 2)).setHeader(getTranslation("field.areaSqm"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(u -> u.persons() == null ? "—" : Formats.integer(u.persons()))
                .setHeader(getTranslation("settle.field.persons")).setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        Responsive.hideOnPhone(grid, List.of(cluster, area));
        dialog = dialog();
        dialog.setEditable(writer);
        grid.addItemClickListener(e -> dialog.open(e.getItem().unitCode(),
                new PersonsForm(e.getItem().unitCode(), e.getItem().persons()), false));
        add(hint, toolbar, grid);
    }

    void onChange(Runnable r) {
        onChange = r;
    }

    private EditDialog<PersonsForm> dialog() {
        TextField unit = new TextField(getTranslation("field.unit"));
        unit.setReadOnly(true);
        IntegerField persons = new IntegerField(getTranslation("settle.field.persons"));
        persons.setId("persons-field");
        persons.setMin(0);
        persons.setMax(99);
        persons.setStepButtonsVisible(true);
        Binder<PersonsForm> binder = new Binder<>(PersonsForm.class);
        binder.forField(unit).bind("unitCode");
        binder.forField(persons).bind("persons");
        return new EditDialog<>("persons", binder, new FormLayout(unit, persons), (f, isNew) -> {
            service.savePersons(f.unitCode(), year, f.persons());
            return f;
        }, saved -> onChange.run());
    }

    void show(Estate estate, int year) {
        this.estate = estate;
        this.year = year;
        refresh();
    }

    private void refresh() {
        if (estate == null) {
            return;
        }
        String filter = text.toLowerCase();
        grid.setItems(service.persons(estate.code(), year).stream()
                .filter(u -> filter.isEmpty() || u.unitCode().toLowerCase().contains(filter)).toList());
    }
}

package org.guanjia.estate.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.guanjia.base.Page;
import org.guanjia.estate.EstateService;
import org.guanjia.estate.UnitFilter;
import org.guanjia.estate.UnitRow;

/**
 * The unit field of a phone form: the butler types part of the unit code or the owner's name
 * and picks from what the server finds in their clusters; the owner's name shows beside the code.
 */
public final class UnitPicker {

    private UnitPicker() {
    }

    public static ComboBox<String> create(EstateService estates, String id) {
        ComboBox<String> unit = new ComboBox<>();
        Map<String, String> owners = new HashMap<>();
        unit.setId(id);
        unit.setLabel(unit.getTranslation("field.unit"));
        unit.setHelperText(unit.getTranslation("complaint.unitHelp"));
        unit.setItems(query -> {
            List<UnitRow> rows = estates.units(new UnitFilter(query.getFilter().orElse(""), null, null,
                    null, null), new Page(query.getOffset(), query.getLimit()), List.of());
            rows.forEach(r -> owners.put(r.code(), r.ownerName()));
            return rows.stream().map(UnitRow::code);
        });
        unit.setItemLabelGenerator(code -> owners.get(code) == null ? code : code + " · " + owners.get(code));
        unit.setWidthFull();
        return unit;
    }
}

package org.guanjia.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.List;
import java.util.function.Consumer;

/** The bar above a list: a search field, filters, and a "new" button; wraps on a phone. */
public class ListToolbar extends FlexLayout {

    private final TextField search = new TextField();

    public ListToolbar(Consumer<String> onSearch) {
        setFlexWrap(FlexWrap.WRAP);
        setAlignItems(FlexComponent.Alignment.BASELINE);
        addClassNames(LumoUtility.Gap.SMALL);
        setWidthFull();
        search.setId("search-field");
        search.setPlaceholder(getTranslation("common.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> onSearch.accept(e.getValue()));
        search.setMinWidth("12rem");
        add(search);
    }

    public ListToolbar filters(Component... filters) {
        add(filters);
        return this;
    }

    /** Adds the "new" button at the end (only for users who may create). */
    public Button newButton(String id, Runnable onClick) {
        Button b = new Button(getTranslation("common.new"), VaadinIcon.PLUS.create(), e -> onClick.run());
        b.setId(id);
        b.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FlexLayout spacer = new FlexLayout();
        setFlexGrow(1, spacer);
        add(spacer, b);
        return b;
    }

    /**
     * Sets up a list's cluster filter: the given cluster codes, the "Cluster" placeholder, a
     * clear button, a width that leaves room for other filters on a phone, and a refresh when
     * it changes.
     */
    public static void clusterFilter(ComboBox<String> box, String id, List<String> clusterCodes, Runnable onChange) {
        box.setId(id);
        box.setPlaceholder(box.getTranslation("field.cluster"));
        box.setItems(clusterCodes);
        box.setClearButtonVisible(true);
        box.setWidth("9rem");
        box.addValueChangeListener(e -> onChange.run());
    }

    public TextField search() {
        return search;
    }
}

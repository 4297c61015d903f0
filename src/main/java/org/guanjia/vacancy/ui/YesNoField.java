package org.guanjia.vacancy.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.theme.lumo.LumoUtility;

/**
 * One check of the inspection as two large buttons, Yes and No, easy to hit with a thumb; empty
 * until one is tapped. "No" is a failed check and shows in red.
 */
class YesNoField extends CustomField<Boolean> {

    private final Button yes = new Button();
    private final Button no = new Button();
    private Boolean value;

    YesNoField(String id, String label) {
        setId(id);
        setLabel(label);
        yes.setText(getTranslation("vacancy.yes"));
        yes.setIcon(VaadinIcon.CHECK.create());
        yes.setId(id + "-yes");
        no.setText(getTranslation("vacancy.no"));
        no.setIcon(VaadinIcon.CLOSE.create());
        no.setId(id + "-no");
        for (Button b : new Button[] {yes, no}) {
            b.addThemeVariants(ButtonVariant.LUMO_LARGE);
            b.getStyle().set("flex", "1 1 0");
        }
        yes.addClickListener(e -> pick(true));
        no.addClickListener(e -> pick(false));
        FlexLayout row = new FlexLayout(yes, no);
        row.addClassNames(LumoUtility.Gap.SMALL);
        row.setWidthFull();
        add(row);
        setWidthFull();
        show();
    }

    private void pick(boolean v) {
        value = v;
        show();
        updateValue();
        setInvalid(false);
    }

    private void show() {
        yes.removeThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        no.removeThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        if (Boolean.TRUE.equals(value)) {
            yes.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        } else if (Boolean.FALSE.equals(value)) {
            no.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        }
    }

    @Override
    protected Boolean generateModelValue() {
        return value;
    }

    @Override
    protected void setPresentationValue(Boolean v) {
        value = v;
        show();
    }
}

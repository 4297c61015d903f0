package org.guanjia.billing.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.math.BigDecimal;
import java.util.Map;
import java.util.function.Function;
import org.guanjia.base.ValidationException;
import org.guanjia.base.ui.Formats;
import org.guanjia.base.ui.Notifications;

/** Small shared pieces of the billing views: figure tiles, money text, field errors. */
final class Figures {

    private Figures() {
    }

    /** A row of tiles that wraps on a phone. */
    static FlexLayout row(Div... tiles) {
        FlexLayout row = new FlexLayout(tiles);
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        row.addClassNames(LumoUtility.Gap.SMALL);
        row.setWidthFull();
        return row;
    }

    /** A labelled figure; {@code value} is filled later with {@link #set}. */
    static Div tile(String id, String label) {
        Span number = new Span();
        number.addClassNames(LumoUtility.FontSize.XLARGE, LumoUtility.FontWeight.SEMIBOLD);
        number.setId(id);
        Span text = new Span(label);
        text.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.XSMALL);
        Div tile = new Div(new Div(text), number);
        tile.addClassNames(LumoUtility.Padding.Horizontal.MEDIUM, LumoUtility.Padding.Vertical.SMALL,
                LumoUtility.BorderRadius.LARGE, LumoUtility.Background.CONTRAST_5);
        tile.setMinWidth("7.5rem");
        tile.getStyle().set("flex", "1 1 7.5rem");
        return tile;
    }

    /** Sets the figure of a tile made by {@link #tile}. */
    static void set(Div tile, String value, String colorClass) {
        Span number = (Span) tile.getComponentAt(1);
        number.setText(value);
        number.removeClassNames(LumoUtility.TextColor.ERROR, LumoUtility.TextColor.SUCCESS);
        if (colorClass != null) {
            number.addClassNames(colorClass);
        }
    }

    static String money(BigDecimal v) {
        return Formats.decimal(v, 2);
    }

    /**
     * Shows each problem of a refused save on the field it names ({@code fields} by record
     * component name), or as a notification when no field of the form has that name.
     */
    static void showOnFields(ValidationException e, Function<String, HasValidation> fields,
            Map<String, String> labels) {
        UI ui = UI.getCurrent();
        for (ValidationException.Problem p : e.problems()) {
            String message = ui.getTranslation(p.messageKey(), p.args().toArray());
            HasValidation field = fields.apply(p.field());
            if (field != null) {
                field.setErrorMessage(message);
                field.setInvalid(true);
            } else {
                Notifications.error("common.fieldError", labels.getOrDefault(p.field(), p.field()),
                        message);
            }
        }
    }
}

package org.guanjia.billing.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
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

    /**
     * Tiles in a grid of equal columns at least {@code minWidth} wide: one row on a desk, fewer
     * columns on a phone (a wrapping flex row would leave a lone stretched tile on the last line).
     */
    static Div row(String minWidth, Div... tiles) {
        Div row = new Div(tiles);
        row.addClassNames(LumoUtility.Display.GRID, LumoUtility.Gap.SMALL);
        row.getStyle().set("grid-template-columns", "repeat(auto-fit, minmax(" + minWidth + ", 1fr))");
        row.setWidthFull();
        return row;
    }

    /** A labelled headline figure; the value is filled later with {@link #set}. */
    static Div tile(String id, String label) {
        return tile(id, label, LumoUtility.FontSize.XLARGE);
    }

    /** A labelled secondary figure, in a smaller font (fits three to a phone's width). */
    static Div smallTile(String id, String label) {
        return tile(id, label, LumoUtility.FontSize.MEDIUM);
    }

    /** Makes a tile take two columns of its row. */
    static Div wide(Div tile) {
        tile.getStyle().set("grid-column", "span 2");
        return tile;
    }

    private static Div tile(String id, String label, String fontSize) {
        Span number = new Span();
        number.addClassNames(fontSize, LumoUtility.FontWeight.SEMIBOLD);
        number.setId(id);
        Span text = new Span(label);
        text.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.XSMALL);
        Div tile = new Div(new Div(text), number);
        tile.addClassNames(LumoUtility.Padding.Horizontal.SMALL, LumoUtility.Padding.Vertical.SMALL,
                LumoUtility.BorderRadius.LARGE, LumoUtility.Background.CONTRAST_5);
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

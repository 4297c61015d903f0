package org.guanjia.base.ui;

import com.vaadin.flow.component.html.Span;

/** Small coloured labels for statuses. */
public final class Badges {

    private Badges() {
    }

    /** A Lumo badge; {@code theme} is e.g. "success", "error", "contrast" or "" for the default. */
    public static Span badge(String text, String theme) {
        Span s = new Span(text);
        s.getElement().getThemeList().add("badge " + theme);
        return s;
    }
}

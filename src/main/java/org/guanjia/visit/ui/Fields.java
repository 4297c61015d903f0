package org.guanjia.visit.ui;

import com.vaadin.flow.component.select.Select;
import java.util.List;
import org.guanjia.base.ui.Formats;
import org.guanjia.visit.Visit;

/** The select fields the visit forms share. */
final class Fields {

    private Fields() {
    }

    static Select<String> kind(String id) {
        Select<String> kind = new Select<>();
        kind.setLabel(kind.getTranslation("visit.field.kind"));
        kind.setId(id);
        kind.setItems(Visit.KINDS);
        kind.setItemLabelGenerator(k -> k == null ? "" : Formats.enumLabel("visit.kind", k));
        return kind;
    }

    /** 1–5 with words, or empty when the owner was not asked. */
    static Select<Integer> satisfaction(String id) {
        Select<Integer> s = new Select<>();
        s.setLabel(s.getTranslation("visit.field.satisfaction"));
        s.setId(id);
        s.setEmptySelectionAllowed(true);
        s.setEmptySelectionCaption(s.getTranslation("visit.notAsked"));
        s.setItems(List.of(5, 4, 3, 2, 1));
        s.setItemLabelGenerator(n -> n == null ? s.getTranslation("visit.notAsked")
                : Formats.enumLabel("visit.score", n.toString()));
        return s;
    }
}

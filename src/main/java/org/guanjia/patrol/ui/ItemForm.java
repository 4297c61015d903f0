package org.guanjia.patrol.ui;

import org.guanjia.patrol.ChecklistItem;

/** A checklist item as the dialog edits it: boxed values, which Vaadin's record binder needs. */
public record ItemForm(String code, String clusterCode, String category, String labelEn, String labelZhCn,
        String labelZhTw, Integer sortOrder, Boolean needsUnit, String departmentKind, Boolean active) {

    public static ItemForm of(ChecklistItem i) {
        return new ItemForm(i.code(), i.clusterCode(), i.category(), i.labelEn(), i.labelZhCn(), i.labelZhTw(),
                i.sortOrder(), i.needsUnit(), i.departmentKind(), i.active());
    }

    public ChecklistItem toItem() {
        return new ChecklistItem(code, clusterCode, category, labelEn, labelZhCn, labelZhTw,
                sortOrder == null ? 0 : sortOrder, Boolean.TRUE.equals(needsUnit), departmentKind,
                Boolean.TRUE.equals(active));
    }
}

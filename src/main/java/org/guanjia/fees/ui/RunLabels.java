package org.guanjia.fees.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import org.guanjia.base.ValidationException;
import org.guanjia.base.ui.Badges;
import org.guanjia.base.ui.Notifications;
import org.guanjia.fees.StatementRun;

/** Texts shared by the statement-run views. */
final class RunLabels {

    private RunLabels() {
    }

    private static String t(String key, Object... args) {
        return UI.getCurrent().getTranslation(key, args);
    }

    static String estate(String estateCode) {
        return estateCode == null ? t("fees.run.allEstates") : estateCode;
    }

    static Span status(StatementRun run) {
        if (run.released()) {
            return Badges.badge(t("fees.run.status.released"), "success");
        }
        return run.readyToRelease() ? Badges.badge(t("fees.run.status.reviewed"), "")
                : Badges.badge(t("fees.run.status.generated"), "contrast");
    }

    /** Shows each problem of a refused action, translated, in a notification. */
    static void show(ValidationException e) {
        for (ValidationException.Problem p : e.problems()) {
            Notifications.error(p.messageKey(), p.args().toArray());
        }
    }
}

package org.guanjia.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** Short messages to the user, translated. */
public final class Notifications {

    private Notifications() {
    }

    public static void saved() {
        Notification n = Notification.show(UI.getCurrent().getTranslation("common.saved"), 2500,
                Notification.Position.BOTTOM_CENTER);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    public static void error(String key, Object... args) {
        Notification n = Notification.show(UI.getCurrent().getTranslation(key, args), 6000,
                Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}

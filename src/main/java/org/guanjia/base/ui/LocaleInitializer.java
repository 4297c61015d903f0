package org.guanjia.base.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;
import org.guanjia.base.CurrentUser;
import org.guanjia.base.i18n.Messages;
import org.springframework.stereotype.Component;

/**
 * Chooses each UI's language: the one the user picked (session, then account), else the
 * browser's, mapped onto 简体中文, 繁體中文 or English.
 */
@Component
class LocaleInitializer implements VaadinServiceInitListener {

    static final String SESSION_KEY = "guanjia.locale";

    private final CurrentUser currentUser;

    LocaleInitializer(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(e -> e.getUI().setLocale(resolve()));
    }

    private Locale resolve() {
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null && session.getAttribute(SESSION_KEY) instanceof Locale chosen) {
            return chosen;
        }
        String stored = currentUser.principal().map(p -> p.locale()).orElse(null);
        if (stored != null && !stored.isBlank()) {
            return Messages.supported(Locale.forLanguageTag(stored));
        }
        VaadinRequest request = VaadinRequest.getCurrent();
        return Messages.supported(request == null ? null : request.getLocale());
    }
}

package org.guanjia.base.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.component.page.Viewport;
import com.vaadin.flow.shared.communication.PushMode;
import com.vaadin.flow.shared.ui.Transport;

/**
 * Page-wide settings: phone-friendly viewport, and server push (a WebSocket
 * from the server, requests as usual to it; long polling where a proxy refuses WebSockets):
 * what the background work computes (a dashboard's figures) reaches the page the moment it is
 * done, instead of at the page's next poll. The theme is Vaadin's default, Lumo: no
 * {@code @Theme} (one naming the Lumo class but no theme folder made every page link a
 * stylesheet {@code VAADIN/themes//styles.css}, which went through twenty redirects to the login
 * page before signing in and answered 404 after).
 */
@Viewport("width=device-width, initial-scale=1, viewport-fit=cover")
@Meta(name = "theme-color", content = "#1a5fb4")
@Push(value = PushMode.AUTOMATIC, transport = Transport.WEBSOCKET_XHR)
public class AppShell implements AppShellConfigurator {
}

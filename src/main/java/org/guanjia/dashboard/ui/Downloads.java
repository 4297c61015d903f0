package org.guanjia.dashboard.ui;

import com.vaadin.flow.component.Component;
import java.util.Base64;

/** Hands bytes made on the server to the browser as a file download (a data URL link). */
final class Downloads {

    private Downloads() {
    }

    static void send(Component from, byte[] bytes, String mime, String fileName) {
        sendUrl(from, "data:" + mime + ";base64," + Base64.getEncoder().encodeToString(bytes),
                fileName);
    }

    static void sendUrl(Component from, String dataUrl, String fileName) {
        from.getElement().executeJs("const a = document.createElement('a'); a.href = $0;"
                + " a.download = $1; document.body.appendChild(a); a.click(); a.remove();",
                dataUrl, fileName);
    }
}

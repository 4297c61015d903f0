package org.guanjia.base.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.component.page.Viewport;
import com.vaadin.flow.theme.Theme;
import com.vaadin.flow.theme.lumo.Lumo;

/** Page-wide settings: phone-friendly viewport and the Lumo theme. */
@Viewport("width=device-width, initial-scale=1, viewport-fit=cover")
@Meta(name = "theme-color", content = "#1a5fb4")
@Theme(themeClass = Lumo.class)
public class AppShell implements AppShellConfigurator {
}

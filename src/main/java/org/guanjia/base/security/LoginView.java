package org.guanjia.base.security;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.List;
import org.guanjia.base.ui.LanguageSelect;

/** Sign-in page; in demo mode it lists the demo accounts. */
@Route(value = "login", autoLayout = false)
@PageTitle("Guanjia 管家")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm login = new LoginForm();

    public LoginView(DemoAccounts demoAccounts) {
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.START);
        addClassNames(LumoUtility.Padding.MEDIUM);

        H1 title = new H1(getTranslation("app.name"));
        title.addClassNames(LumoUtility.FontSize.XXXLARGE, LumoUtility.Margin.Top.LARGE,
                LumoUtility.Margin.Bottom.NONE);
        Paragraph tagline = new Paragraph(getTranslation("app.tagline"));
        tagline.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.TextAlignment.CENTER);

        login.setId("login-form");
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        login.setI18n(i18n());

        add(new LanguageSelect(l -> { }), title, tagline, login);
        List<DemoAccounts.Account> accounts = demoAccounts.list();
        if (!accounts.isEmpty()) {
            add(demoList(accounts));
        }
    }

    private Div demoList(List<DemoAccounts.Account> accounts) {
        Div box = new Div();
        box.setId("demo-accounts");
        box.addClassNames(LumoUtility.Background.CONTRAST_5, LumoUtility.BorderRadius.MEDIUM,
                LumoUtility.Padding.MEDIUM, LumoUtility.FontSize.SMALL);
        box.setMaxWidth("22rem");
        box.setWidthFull();
        box.add(new Paragraph(getTranslation("login.demo", accounts.get(0).password())));
        // one line per role; accounts of the same role (the butlers) share it
        java.util.Map<String, List<String>> byRole = new java.util.LinkedHashMap<>();
        accounts.forEach(a -> byRole.computeIfAbsent(a.roleKey(), k -> new java.util.ArrayList<>())
                .add(a.username()));
        byRole.forEach((role, names) -> {
            String who = names.size() <= 2 ? String.join(", ", names)
                    : names.get(0) + " … " + names.get(names.size() - 1);
            Span line = new Span(getTranslation(role) + ": " + who);
            line.addClassNames(LumoUtility.Display.BLOCK);
            box.add(line);
        });
        return box;
    }

    private LoginI18n i18n() {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Form form = i18n.getForm();
        form.setTitle(getTranslation("login.title"));
        form.setUsername(getTranslation("login.username"));
        form.setPassword(getTranslation("login.password"));
        form.setSubmit(getTranslation("login.submit"));
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        error.setTitle(getTranslation("login.error.title"));
        error.setMessage(getTranslation("login.error.message"));
        error.setUsername(getTranslation("validation.required"));
        error.setPassword(getTranslation("validation.required"));
        return i18n;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (event.getLocation().getQueryParameters().getParameters().containsKey("error")) {
            login.setError(true);
        }
    }
}

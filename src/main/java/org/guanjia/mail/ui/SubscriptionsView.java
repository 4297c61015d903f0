package org.guanjia.mail.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.ValidationException;
import org.guanjia.base.ui.Badges;
import org.guanjia.base.ui.Formats;
import org.guanjia.base.ui.Notifications;
import org.guanjia.base.ui.Responsive;
import org.guanjia.dashboard.Dashboard;
import org.guanjia.dashboard.DashboardCatalog;
import org.guanjia.estate.Estate;
import org.guanjia.estate.EstateService;
import org.guanjia.mail.MailDelivery;
import org.guanjia.mail.Subscription;
import org.guanjia.mail.SubscriptionService;

/**
 * A manager's e-mail subscriptions: a dashboard's PDF or the butlers' summaries, weekly,
 * monthly or quarterly, to an address; "send now" mails the latest period at once.
 */
@Route("subscriptions")
@Menu(title = "nav.subscriptions", order = 87, icon = "vaadin:envelope-o")
@RolesAllowed({"ADMIN", "MANAGER"})
class SubscriptionsView extends VerticalLayout {

    private final SubscriptionService service;
    private final MailDelivery delivery;
    private final Map<String, String> dashboardTitles = new LinkedHashMap<>();
    private final List<String> estates;
    private final Grid<Subscription> grid = new Grid<>(Subscription.class, false);

    SubscriptionsView(SubscriptionService service, MailDelivery delivery, DashboardCatalog dashboards,
            EstateService estateService) {
        this.service = service;
        this.delivery = delivery;
        setId("subscriptions-view");
        setSizeFull();
        for (Dashboard d : dashboards.all()) {
            dashboardTitles.put(d.id(), d.title(getLocale()));
        }
        estates = estateService.estates().stream().map(Estate::code).toList();
        H2 title = new H2(getTranslation("mail.title"));
        title.addClassNames(LumoUtility.FontSize.XLARGE);
        Button add = new Button(getTranslation("mail.new"), VaadinIcon.PLUS.create());
        add.setId("new-subscription-button");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickListener(e -> edit(new Subscription(null, null, "", "dashboard", "overview", null,
                "monthly", getLocale().toLanguageTag().startsWith("zh") ? getLocale().toLanguageTag()
                        : "en", true, null, null)));
        Span state = new Span(getTranslation(delivery.enabled() ? "mail.enabled" : "mail.disabled"));
        state.setId("mail-state");
        state.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        FlexLayout bar = new FlexLayout(add, state);
        bar.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.addClassNames(LumoUtility.Gap.MEDIUM);
        add(title, bar, grid());
        refresh();
    }

    private Grid<Subscription> grid() {
        grid.setId("subscriptions-grid");
        grid.setSizeFull();
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(this::what).setHeader(getTranslation("mail.field.what")).setFlexGrow(2);
        grid.addColumn(s -> getTranslation("mail.frequency." + s.frequency()))
                .setHeader(getTranslation("mail.field.frequency")).setAutoWidth(true);
        var email = grid.addColumn(Subscription::email).setHeader(getTranslation("mail.field.email"))
                .setAutoWidth(true);
        var estate = grid.addColumn(s -> s.estateCode() == null ? getTranslation("common.all") : s.estateCode())
                .setHeader(getTranslation("field.estate")).setAutoWidth(true);
        var last = grid.addComponentColumn(s -> s.lastError() != null
                        ? Badges.badge(getTranslation("mail.failed"), "error")
                        : new Span(s.lastSentOn() == null ? "" : Formats.date(s.lastSentOn())))
                .setHeader(getTranslation("mail.field.lastSent")).setAutoWidth(true);
        grid.addComponentColumn(s -> Badges.badge(getTranslation(s.active() ? "mail.active" : "mail.paused"),
                s.active() ? "success" : "contrast")).setHeader(getTranslation("field.status")).setAutoWidth(true);
        Responsive.hideOnPhone(grid, List.of(email, estate, last));
        grid.addItemClickListener(e -> edit(e.getItem()));
        grid.setEmptyStateText(getTranslation("mail.empty"));
        return grid;
    }

    private String what(Subscription s) {
        return s.kind().equals("dashboard")
                ? getTranslation("mail.kind.dashboard") + ": " + dashboardTitles.getOrDefault(s.dashboardId(), s.dashboardId())
                : getTranslation("mail.kind.summaries");
    }

    private void refresh() {
        grid.setItems(service.list());
    }

    private void edit(Subscription s) {
        Dialog d = new Dialog();
        d.setId("subscription-dialog");
        d.setHeaderTitle(getTranslation(s.id() == null ? "mail.new" : "mail.edit"));
        EmailField email = new EmailField(getTranslation("mail.field.email"));
        email.setId("sub-email");
        email.setValue(s.email() == null ? "" : s.email());
        Select<String> kind = new Select<>();
        kind.setId("sub-kind");
        kind.setLabel(getTranslation("mail.field.kind"));
        kind.setItems(Subscription.KINDS);
        kind.setItemLabelGenerator(k -> getTranslation("mail.kind." + k));
        kind.setValue(s.kind());
        Select<String> dashboard = new Select<>();
        dashboard.setId("sub-dashboard");
        dashboard.setLabel(getTranslation("mail.field.dashboard"));
        dashboard.setItems(dashboardTitles.keySet());
        dashboard.setItemLabelGenerator(id -> dashboardTitles.getOrDefault(id, id));
        dashboard.setValue(s.dashboardId() != null ? s.dashboardId() : "overview");
        dashboard.setVisible("dashboard".equals(s.kind()));
        kind.addValueChangeListener(e -> dashboard.setVisible("dashboard".equals(e.getValue())));
        ComboBox<String> estate = new ComboBox<>(getTranslation("field.estate"));
        estate.setId("sub-estate");
        estate.setItems(estates);
        estate.setClearButtonVisible(true);
        estate.setPlaceholder(getTranslation("common.all"));
        estate.setValue(s.estateCode());
        Select<String> frequency = new Select<>();
        frequency.setId("sub-frequency");
        frequency.setLabel(getTranslation("mail.field.frequency"));
        frequency.setItems(Subscription.FREQUENCIES);
        frequency.setItemLabelGenerator(f -> getTranslation("mail.frequency." + f));
        frequency.setValue(s.frequency());
        Select<String> language = new Select<>();
        language.setId("sub-locale");
        language.setLabel(getTranslation("mail.field.locale"));
        language.setItems(Subscription.LOCALES);
        language.setItemLabelGenerator(l -> getTranslation("mail.locale." + l));
        language.setValue(Subscription.LOCALES.contains(s.locale()) ? s.locale() : "zh-CN");
        Checkbox active = new Checkbox(getTranslation("mail.active"));
        active.setId("sub-active");
        active.setValue(s.active());
        FormLayout form = new FormLayout(email, kind, dashboard, estate, frequency, language, active);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("500px", 2));
        d.add(form);
        if (s.lastError() != null) {
            Span error = new Span(getTranslation("mail.lastError", s.lastError()));
            error.addClassNames(LumoUtility.TextColor.ERROR, LumoUtility.FontSize.SMALL);
            d.add(error);
        }
        Button save = new Button(getTranslation("common.save"), e -> {
            try {
                service.save(new Subscription(s.id(), s.username(), email.getValue(), kind.getValue(),
                        dashboard.getValue(), estate.getValue(), frequency.getValue(), language.getValue(),
                        active.getValue(), s.lastSentOn(), s.lastError()));
                d.close();
                Notifications.saved();
                refresh();
            } catch (ValidationException ex) {
                ex.problems().forEach(p -> {
                    String msg = getTranslation(p.messageKey(), p.args().toArray());
                    if (p.field().equals("dashboardId")) {
                        dashboard.setErrorMessage(msg);
                        dashboard.setInvalid(true);
                    } else {
                        email.setErrorMessage(msg);
                        email.setInvalid(true);
                    }
                });
            } catch (AccessDeniedException ex) {
                Notifications.error("error.forbidden");
            }
        });
        save.setId("sub-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("common.cancel"), e -> d.close());
        d.getFooter().add(cancel, save);
        if (s.id() != null) {
            Button send = new Button(getTranslation("mail.sendNow"), VaadinIcon.PAPERPLANE.create(), e -> {
                try {
                    delivery.sendNow(s.id());
                    Notification.show(getTranslation("mail.sent", s.email()), 3000, Notification.Position.BOTTOM_CENTER)
                            .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                    d.close();
                    refresh();
                } catch (ValidationException ex) {
                    ex.problems().forEach(p -> Notifications.error(p.messageKey(), p.args().toArray()));
                    refresh();
                }
            });
            send.setId("sub-send");
            Button delete = new Button(getTranslation("mail.delete"), e -> {
                service.delete(s.id());
                d.close();
                refresh();
            });
            delete.setId("sub-delete");
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            d.getFooter().addComponentAsFirst(delete);
            d.getFooter().add(send);
        }
        d.open();
    }
}

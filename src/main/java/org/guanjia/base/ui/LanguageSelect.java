package org.guanjia.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;
import java.util.function.Consumer;
import org.guanjia.base.i18n.Messages;

/** The language switch: each language named in itself; the page reloads in the new language. */
public class LanguageSelect extends Select<Locale> {

    public LanguageSelect(Consumer<Locale> onChange) {
        setId("language-select");
        setItems(Messages.LOCALES);
        setItemLabelGenerator(LanguageSelect::nativeName);
        setAriaLabel("Language / 语言 / 語言");
        setWidth("8.5em");
        setValue(Messages.supported(UI.getCurrent().getLocale()));
        addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                VaadinSession.getCurrent().setAttribute(LocaleInitializer.SESSION_KEY, e.getValue());
                onChange.accept(e.getValue());
                UI.getCurrent().setLocale(e.getValue());
                UI.getCurrent().getPage().reload();
            }
        });
    }

    static String nativeName(Locale l) {
        if (Messages.SIMPLIFIED.equals(l)) {
            return "简体中文";
        }
        if (Messages.TRADITIONAL.equals(l)) {
            return "繁體中文";
        }
        return "English";
    }
}

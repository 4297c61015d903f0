package org.guanjia.base.i18n;

import com.vaadin.flow.i18n.I18NProvider;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Translations from {@code messages*.properties}: English (the base bundle), Simplified and
 * Traditional Chinese. A missing key shows as {@code !key} and is logged.
 */
@Component
public class Messages implements I18NProvider {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale SIMPLIFIED = Locale.SIMPLIFIED_CHINESE;
    public static final Locale TRADITIONAL = Locale.TRADITIONAL_CHINESE;
    public static final List<Locale> LOCALES = List.of(SIMPLIFIED, TRADITIONAL, ENGLISH);

    private static final Logger log = LoggerFactory.getLogger(Messages.class);
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    @Override
    public List<Locale> getProvidedLocales() {
        return LOCALES;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        if (key == null) {
            return "";
        }
        ResourceBundle bundle = bundle(supported(locale));
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            log.warn("Missing translation {} for {}", key, locale);
            return "!" + key;
        }
        if (params == null || params.length == 0) {
            return pattern;
        }
        return new MessageFormat(pattern, supported(locale)).format(params);
    }

    /** Maps any locale to one we have: zh-TW, zh-HK, zh-MO and zh-Hant to Traditional. */
    public static Locale supported(Locale locale) {
        if (locale == null) {
            return ENGLISH;
        }
        if ("zh".equals(locale.getLanguage())) {
            String country = locale.getCountry();
            boolean traditional = "Hant".equals(locale.getScript()) || "TW".equals(country)
                    || "HK".equals(country) || "MO".equals(country);
            return traditional ? TRADITIONAL : SIMPLIFIED;
        }
        return ENGLISH;
    }

    static ResourceBundle bundle(Locale locale) {
        if (ENGLISH.equals(locale)) {
            return ResourceBundle.getBundle("messages", Locale.ROOT, NO_FALLBACK);
        }
        return ResourceBundle.getBundle("messages", locale, NO_FALLBACK);
    }
}

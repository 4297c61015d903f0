package org.guanjia.base.i18n;

import java.util.Locale;

/** Stores a user's language choice; implemented by the user feature. */
public interface LocalePreference {

    void saveLocale(String username, Locale locale);
}

package org.guanjia.base.ui;

import com.vaadin.flow.component.html.Anchor;
import org.guanjia.base.PhoneMask;

/** A phone number to tap on a phone: a {@code tel:} link, plain text when the number is masked. */
public final class PhoneLink {

    private PhoneLink() {
    }

    public static Anchor of(String phone, String text) {
        Anchor a = new Anchor();
        a.setText(text);
        String href = PhoneMask.telHref(phone);
        if (href != null) {
            a.setHref(href);
        }
        return a;
    }
}

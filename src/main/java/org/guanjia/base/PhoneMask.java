package org.guanjia.base;

/**
 * Masks an owner's phone number for roles that read reports but do not call owners: the first
 * three and last four digits stay (138****5678), so a number can still be told apart on a list.
 */
public final class PhoneMask {

    private PhoneMask() {
    }

    public static String mask(String phone) {
        if (phone == null || phone.isBlank()) {
            return phone;
        }
        String p = phone.strip();
        int keepHead = p.length() >= 11 ? 3 : p.length() >= 8 ? 2 : 0;
        int keepTail = p.length() >= 8 ? 4 : Math.min(2, p.length() / 2);
        return p.substring(0, keepHead) + "*".repeat(p.length() - keepHead - keepTail)
                + p.substring(p.length() - keepTail);
    }

    /** A number shown masked: no {@code tel:} link (it would dial the digits left). */
    public static boolean isMasked(String phone) {
        return phone != null && phone.indexOf('*') >= 0;
    }

    /** A {@code tel:} address for the number, null for a masked one. */
    public static String telHref(String phone) {
        return phone == null || isMasked(phone) ? null : "tel:" + phone.replaceAll("[^0-9+]", "");
    }

    /** True when {@code shown} is what a masked role saw of {@code stored}: saving it changes nothing. */
    public static boolean isMaskOf(String shown, String stored) {
        return shown != null && stored != null && shown.indexOf('*') >= 0 && shown.strip().equals(mask(stored));
    }
}

package org.guanjia.bankdebit;

/** Bank account numbers: how they are entered, stored and shown. */
public final class AccountNumbers {

    /** Digits a stored account number may have (Chinese bank cards 16-19, accounts up to 30). */
    public static final int MIN_DIGITS = 8;
    public static final int MAX_DIGITS = 30;

    private AccountNumbers() {
    }

    /** The number without the spaces and hyphens people type for readability. */
    public static String normalize(String entered) {
        return entered == null ? null : entered.replaceAll("[\\s\\-]", "");
    }

    public static boolean valid(String normalized) {
        return normalized != null && normalized.matches("[0-9]{" + MIN_DIGITS + "," + MAX_DIGITS + "}");
    }

    /**
     * Everything but the last 4 digits hidden, and the length hidden too: {@code **** 4567}.
     * The full number is used only in the file for the bank.
     */
    public static String mask(String accountNo) {
        if (accountNo == null || accountNo.isEmpty()) {
            return "";
        }
        return "**** " + accountNo.substring(Math.max(0, accountNo.length() - 4));
    }
}

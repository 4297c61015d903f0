package org.guanjia.mail;

import java.time.LocalDate;
import java.util.List;

/**
 * A manager's e-mail subscription (issue 9 point 4).
 *
 * @param id          null for a new one
 * @param username    the subscriber (the signed-in manager)
 * @param email       where it goes
 * @param kind        dashboard (a dashboard's PDF) or summaries (the butlers' summaries of the
 *                    period in one PDF)
 * @param dashboardId the dashboard, for kind dashboard
 * @param estateCode  one estate, or null for all
 * @param frequency   weekly (Mondays, the week before), monthly (the 1st, the month before) or
 *                    quarterly (the 1st of a quarter, the quarter before)
 * @param locale      language of the PDF and the message: en, zh-CN or zh-TW
 * @param active      false = paused
 * @param lastSentOn  the day it was last sent
 * @param lastError   why the last attempt failed, or null
 */
public record Subscription(Long id, String username, String email, String kind,
        String dashboardId, String estateCode, String frequency, String locale, boolean active,
        LocalDate lastSentOn, String lastError) {

    public static final List<String> KINDS = List.of("dashboard", "summaries");
    public static final List<String> FREQUENCIES = List.of("weekly", "monthly", "quarterly");
    public static final List<String> LOCALES = List.of("zh-CN", "zh-TW", "en");
}

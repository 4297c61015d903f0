package org.guanjia.agenda;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The windows of the agenda rules (sql/agenda.sql), settings {@code guanjia.agenda.*}. The
 * document call list's window is the documents' own setting ({@code guanjia.documents.
 * unclaimed-days}, {@link org.guanjia.document.DocumentSettings}).
 *
 * @param facilityDays  days to fix a failed facility check without a follow-up due date
 * @param signoffDays   days after a complaint's resolution for the return visit and sign-off
 * @param repairDays    days after a repair's completion for its return visit
 * @param debitDays     days after a failed bank debit to phone the owner
 * @param signupDays    days before an activity its sign-up count is collected when it has no
 *                      notice date
 * @param feedbackDays  days after an activity to collect the participants' feedback
 * @param overdueDays   an item still open longer than this after its due day leaves the Today
 *                      page (it stays "not done" in the compliance figures)
 * @param historyDays   how far back the agenda job records items (and the demo back-fills)
 *
 * <p>When the job runs is {@code guanjia.agenda.cron}, read by {@link AgendaJob}'s schedule.
 */
@ConfigurationProperties(prefix = "guanjia.agenda")
public record AgendaSettings(
        @DefaultValue("7") int facilityDays,
        @DefaultValue("3") int signoffDays,
        @DefaultValue("3") int repairDays,
        @DefaultValue("2") int debitDays,
        @DefaultValue("7") int signupDays,
        @DefaultValue("7") int feedbackDays,
        @DefaultValue("60") int overdueDays,
        @DefaultValue("120") int historyDays) {
}

package org.guanjia.fees;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the monthly statement run ({@code guanjia.statement-run.*}).
 *
 * @param windowStartDay first day of the month on which next month's statements may be
 *                       generated (rulebook 十: the 28th); the window ends with the month
 */
@ConfigurationProperties(prefix = "guanjia.statement-run")
public record StatementRunSettings(Integer windowStartDay) {

    public StatementRunSettings {
        if (windowStartDay == null) {
            windowStartDay = 28;
        }
        if (windowStartDay < 1 || windowStartDay > 31) {
            throw new IllegalArgumentException(
                    "guanjia.statement-run.window-start-day must be 1-31, not " + windowStartDay);
        }
    }
}

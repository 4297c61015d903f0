package org.guanjia.backup;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs {@link BackupService}'s scheduled backup ({@code guanjia.backup.cron}). */
@Configuration
@EnableScheduling
class BackupScheduling {
}

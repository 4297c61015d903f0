package org.guanjia;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A clock tests can set to any moment of the fee calendar. Use it with
 * {@code @Import(TestClock.Config.class)} and inject {@code TestClock}; it replaces the
 * application's clock everywhere (services, audit stamps). Starts at 2025-06-15 10:00 in the
 * estates' zone.
 */
public class TestClock extends Clock {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private volatile Instant now = LocalDateTime.of(2025, 6, 15, 10, 0).atZone(ZONE).toInstant();

    public void set(LocalDateTime localTime) {
        now = localTime.atZone(ZONE).toInstant();
    }

    /** 10:00 local time on the given day. */
    public void set(LocalDate day) {
        set(day.atTime(10, 0));
    }

    @Override
    public ZoneId getZone() {
        return ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }
}

package org.guanjia.demo;

import org.guanjia.base.GuanjiaProperties;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * In demo mode: on the first start (no estates yet) fills the database with the demo company.
 * Runs before the admin bootstrap ({@code @Order(20)}).
 */
@Component
@Order(10)
class DemoStartup implements ApplicationRunner {

    private final GuanjiaProperties properties;
    private final DemoService demo;

    DemoStartup(GuanjiaProperties properties, DemoService demo) {
        this.properties = properties;
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.demo()) {
            demo.fillIfEmpty(properties.demoSeed(), properties.demoScale());
        }
    }
}

package org.guanjia;

import org.guanjia.cli.Cli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Guanjia: the butlers' desk and the managers' KPI dashboards, in one process. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class Application {

    /**
     * {@code java -jar guanjia.jar [serve]} starts the web server; {@code java -jar guanjia.jar
     * COMMAND …} runs a command of the command line ({@link Cli}) and exits with its code.
     */
    public static void main(String[] args) {
        if (Cli.isCommand(args)) {
            System.exit(Cli.run(args));
        }
        if (args.length > 0 && args[0].equals("serve")) {
            args = java.util.Arrays.copyOfRange(args, 1, args.length);
        }
        SpringApplication.run(Application.class, args);
    }
}

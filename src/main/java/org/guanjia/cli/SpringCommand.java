package org.guanjia.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.guanjia.base.CurrentUser;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that needs the application: the context is started when the command runs (not
 * while parsing), and the command runs as the system — whoever can run the jar on the
 * database file already has all of it.
 */
abstract class SpringCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() throws Exception {
        validate();
        Cli.context();
        return CurrentUser.asSystem(() -> {
            try {
                return execute();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /**
     * Checks the arguments before the application starts; throw a
     * {@code CommandLine.ParameterException} (exit code 2 with the usage).
     */
    protected void validate() {
    }

    /** Runs the command; returns the exit code. */
    protected abstract int execute() throws Exception;

    protected <T> T bean(Class<T> type) {
        return Cli.context().getBean(type);
    }

    /** Standard output: the command's result only. */
    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Standard error: progress and reports. */
    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }
}

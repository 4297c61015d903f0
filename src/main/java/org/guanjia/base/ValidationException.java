package org.guanjia.base;

import java.util.List;

/**
 * A save refused because of the data, naming each field that is wrong. The message key and
 * its arguments are translated by the UI; {@link #getMessage()} is English for logs and the CLI.
 */
public class ValidationException extends RuntimeException {

    /** One problem: the field (record component name), a message key and its arguments. */
    public record Problem(String field, String messageKey, List<Object> args) {
    }

    private final List<Problem> problems;

    public ValidationException(List<Problem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.messageKey() + " " + p.args())
                .reduce((a, b) -> a + "; " + b).orElse("invalid"));
        this.problems = List.copyOf(problems);
    }

    public static ValidationException of(String field, String messageKey, Object... args) {
        return new ValidationException(List.of(new Problem(field, messageKey, List.of(args))));
    }

    public List<Problem> problems() {
        return problems;
    }
}

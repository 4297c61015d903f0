package org.guanjia.base;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Collects the problems of one record before it is saved; {@link #throwIfAny()} at the end. */
public final class Validator {

    private final List<ValidationException.Problem> problems = new ArrayList<>();

    public Validator required(String field, Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            add(field, "validation.required");
        }
        return this;
    }

    public Validator maxLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            add(field, "validation.tooLong", max);
        }
        return this;
    }

    public Validator positive(String field, BigDecimal value) {
        if (value != null && value.signum() <= 0) {
            add(field, "validation.positive");
        }
        return this;
    }

    public Validator scale(String field, BigDecimal value, int maxDecimals) {
        if (value != null && value.stripTrailingZeros().scale() > maxDecimals) {
            add(field, "validation.decimals", maxDecimals);
        }
        return this;
    }

    /**
     * At most {@code max} in absolute value, so that the column (and the sums kept of it) can
     * hold it; refused with {@code validation.range} from -max (or {@code min}) to max.
     */
    public Validator within(String field, BigDecimal value, BigDecimal min, BigDecimal max) {
        if (value != null && (value.compareTo(min) < 0 || value.compareTo(max) > 0)) {
            add(field, "validation.range", min.toPlainString(), max.toPlainString());
        }
        return this;
    }

    public Validator range(String field, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            add(field, "validation.range", min, max);
        }
        return this;
    }

    public Validator check(boolean ok, String field, String messageKey, Object... args) {
        if (!ok) {
            add(field, messageKey, args);
        }
        return this;
    }

    public Validator add(String field, String messageKey, Object... args) {
        problems.add(new ValidationException.Problem(field, messageKey, List.of(args)));
        return this;
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }
}

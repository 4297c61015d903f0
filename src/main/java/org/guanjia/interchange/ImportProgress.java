package org.guanjia.interchange;

/** Told how far an import has come: a fraction 0..1 and a message key (imp.step.*) with its arguments. */
@FunctionalInterface
public interface ImportProgress {

    void update(double fraction, String stepKey, Object... args);

    ImportProgress NONE = (f, k, a) -> { };
}

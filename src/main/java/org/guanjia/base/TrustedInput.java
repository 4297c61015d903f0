package org.guanjia.base;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A service write method (or class) whose text arguments come from the program itself (audit
 * details, scheduled jobs, the demo generator), not from a user's form, so {@link InputGuard}
 * leaves them alone.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface TrustedInput {

    /** Why the input is trusted, for the reader. */
    String value();
}

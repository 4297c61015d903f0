package org.guanjia.base;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.lang.reflect.Modifier;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.StaticMethodMatcherPointcutAdvisor;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Refuses input a user cannot have meant before a service write begins: dates outside
 * {@link #FIRST_DAY} … {@link #LAST_DAY} (the JDBC driver turns year 0 into year 1), and in text control characters
 * (NUL, BEL, ESC …) and unpaired UTF-16 surrogates, which DuckDB would store as '?'. One-line
 * fields (codes, names, phones) refuse every control character including line breaks;
 * multi-line fields (notes, descriptions, …: {@link #MULTI_LINE}) allow line feed, carriage
 * return and tab. Everything else (emoji, right-to-left marks, zero-width joiners, CJK
 * extension B) is stored as given and shown as text.
 *
 * <p>It applies to every public write method ({@code @Transactional}, not read-only) of a
 * {@code @Service} bean, to its {@code String} parameters, the {@code String} components of its
 * record parameters (also inside collections and nested records) and names the parameter or
 * component as the field, as {@link Validator} does.
 */
public final class InputGuard implements MethodInterceptor {

    /** Field names that hold free text of several lines. */
    public static final Set<String> MULTI_LINE = Set.of("note", "notes", "text", "description",
            "body", "suggestion", "request", "reply", "reason", "outcome", "feedback",
            "failureReason", "correctiveAction", "comment", "callNote", "answer", "summary",
            "resolution", "replyToOwner", "feedbackToOwner", "reviewComment", "details", "content",
            "mailingAddress", "plan", "lastError");

    /** The range of dates a form may hold: owners since 1900, plans a few decades ahead. */
    public static final LocalDate FIRST_DAY = LocalDate.of(1900, 1, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(2199, 12, 31);

    public static final String CONTROL = "hostile.controlCharacters";
    public static final String DATE_RANGE = "hostile.dateRange";
    public static final String LINE_BREAK = "hostile.lineBreak";
    public static final String BROKEN = "hostile.brokenCharacters";

    /** Whether the guard looks at the arguments of this method of this bean class. */
    public static boolean guards(Class<?> beanClass, Method method) {
        return AnnotatedElementUtils.hasAnnotation(beanClass, Service.class)
                && Modifier.isPublic(method.getModifiers())
                && !method.isAnnotationPresent(TrustedInput.class)
                && !beanClass.isAnnotationPresent(TrustedInput.class)
                && isWrite(method);
    }

    private static boolean isWrite(Method method) {
        Transactional t = AnnotatedElementUtils.findMergedAnnotation(method, Transactional.class);
        return t != null && !t.readOnly();
    }

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
        Method m = invocation.getMethod();
        Class<?> target = invocation.getThis() == null ? m.getDeclaringClass()
                : AopUtils.getTargetClass(invocation.getThis());
        Method specific = AopUtils.getMostSpecificMethod(m, target);
        if (guards(target, specific)) {
            check(specific.getParameters(), invocation.getArguments());
        }
        return invocation.proceed();
    }

    /** Throws a {@link ValidationException} naming every bad field of these arguments. */
    public static void check(Parameter[] params, Object[] args) {
        List<ValidationException.Problem> problems = new ArrayList<>();
        for (int i = 0; i < params.length && i < args.length; i++) {
            visit(params[i].getName(), args[i], problems, 0);
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    private static void visit(String field, Object value, List<ValidationException.Problem> out,
            int depth) {
        if (value == null || depth > 3) {
            return;
        }
        if (value instanceof String s) {
            String key = problem(field, s);
            if (key != null && out.stream().noneMatch(p -> p.field().equals(field))) {
                out.add(new ValidationException.Problem(field, key, List.of()));
            }
        } else if (value instanceof LocalDate || value instanceof LocalDateTime) {
            LocalDate day = value instanceof LocalDateTime t ? t.toLocalDate() : (LocalDate) value;
            if ((day.isBefore(FIRST_DAY) || day.isAfter(LAST_DAY))
                    && out.stream().noneMatch(p -> p.field().equals(field))) {
                out.add(new ValidationException.Problem(field, DATE_RANGE,
                        List.of(FIRST_DAY.toString(), LAST_DAY.toString())));
            }
        } else if (value instanceof Collection<?> c) {
            for (Object o : c) {
                visit(field, o, out, depth + 1);
            }
        } else if (value instanceof Record r) {
            for (RecordComponent rc : r.getClass().getRecordComponents()) {
                try {
                    rc.getAccessor().setAccessible(true);
                    visit(rc.getName(), rc.getAccessor().invoke(r), out, depth + 1);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("Cannot read " + rc, e);
                }
            }
        }
    }

    /** The message key of what is wrong with this text in this field, or null. */
    public static String problem(String field, String s) {
        boolean multiLine = MULTI_LINE.contains(field);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return BROKEN;
            }
            if (Character.isLowSurrogate(c)) {
                return BROKEN;
            }
            if (c == '\n' || c == '\r') {
                if (!multiLine) {
                    return LINE_BREAK;
                }
            } else if (c == '\t') {
                if (!multiLine) {
                    return CONTROL;
                }
            } else if (Character.getType(c) == Character.CONTROL) {
                return CONTROL;
            }
        }
        return null;
    }

    /** The advisor: runs before the transaction interceptor, so a refused call writes nothing. */
    @Configuration(proxyBeanMethods = false)
    static class Config {

        // infrastructure role: without AspectJ, Spring Boot's auto-proxy creator applies only these
        @Bean
        @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
        static Advisor guanjiaInputGuardAdvisor() {
            StaticMethodMatcherPointcutAdvisor a = new StaticMethodMatcherPointcutAdvisor(new InputGuard()) {
                @Override
                public boolean matches(Method method, Class<?> targetClass) {
                    return guards(targetClass, AopUtils.getMostSpecificMethod(method, targetClass));
                }
            };
            a.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return a;
        }
    }
}

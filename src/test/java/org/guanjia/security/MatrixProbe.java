package org.guanjia.security;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Locale;
import org.guanjia.base.Page;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.guanjia.base.AccessDeniedException;
import org.springframework.aop.support.AopUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Service;

/** Reflection over the Spring context: every public method of every service of the app. */
final class MatrixProbe {

    private MatrixProbe() {
    }

    /** Public methods by signature ("Service#method(Type,Type)"), with their bean. */
    static Map<String, Target> methods(ApplicationContext ctx) {
        Map<String, Target> out = new TreeMap<>();
        for (Object bean : ctx.getBeansWithAnnotation(Service.class).values()) {
            Class<?> type = AopUtils.getTargetClass(bean);
            if (!type.getPackageName().startsWith("org.guanjia")) {
                continue;
            }
            for (Method m : type.getDeclaredMethods()) {
                if (!Modifier.isPublic(m.getModifiers()) || m.isSynthetic() || m.isBridge()
                        || Modifier.isStatic(m.getModifiers())) {
                    continue;
                }
                out.put(signature(type, m), new Target(bean, m));
            }
        }
        return out;
    }

    static String signature(Class<?> type, Method m) {
        return type.getSimpleName() + "#" + m.getName() + "("
                + String.join(",", Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName).toList())
                + ")";
    }

    record Target(Object bean, Method method) {

        /** Calls the method through the proxy with placeholder arguments; returns the outcome. */
        Outcome call() {
            Object[] args = Arrays.stream(method.getParameterTypes()).map(MatrixProbe::placeholder).toArray();
            try {
                Method proxied = bean.getClass().getMethod(method.getName(), method.getParameterTypes());
                return new Outcome(proxied.invoke(bean, args), null);
            } catch (InvocationTargetException e) {
                return new Outcome(null, e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    record Outcome(Object value, Throwable error) {

        boolean forbidden() {
            return error instanceof AccessDeniedException a && a.messageKey().equals("error.forbidden");
        }

        boolean outOfScope() {
            return error instanceof AccessDeniedException a && !a.messageKey().equals("error.forbidden");
        }

        String describe() {
            if (error == null) {
                return "ok";
            }
            if (error instanceof AccessDeniedException a) {
                return "denied:" + a.messageKey();
            }
            return error.getClass().getSimpleName();
        }
    }

    /** A top-level argument: strings name no record ("?"), records are built from placeholders. */
    static Object placeholder(Class<?> t) {
        if (t == String.class) {
            return "?";
        }
        return nested(t, 0);
    }

    private static Object nested(Class<?> t, int depth) {
        if (t == boolean.class) {
            return false;
        }
        if (t == int.class) {
            return 0;
        }
        if (t == long.class) {
            return 0L;
        }
        if (t == double.class) {
            return 0d;
        }
        if (t == short.class || t == byte.class || t == char.class || t == float.class) {
            throw new IllegalArgumentException(t.getName());
        }
        if (List.class.isAssignableFrom(t) || t == Collection.class) {
            return List.of();
        }
        if (Set.class.isAssignableFrom(t)) {
            return Set.of();
        }
        if (Map.class.isAssignableFrom(t)) {
            return Map.of();
        }
        if (t == Optional.class) {
            return Optional.empty();
        }
        if (t == Page.class) {
            return Page.first(10);
        }
        if (t == LocalDate.class) {
            return LocalDate.of(2025, 1, 15);
        }
        if (t == YearMonth.class) {
            return YearMonth.of(2025, 1);
        }
        if (t == Locale.class) {
            return Locale.ENGLISH;
        }
        if (t == byte[].class) {
            return new byte[0];
        }
        if (t.isRecord() && depth < 2) {
            RecordComponent[] rc = t.getRecordComponents();
            Class<?>[] types = Arrays.stream(rc).map(RecordComponent::getType).toArray(Class<?>[]::new);
            Object[] values = Arrays.stream(types).map(c -> nested(c, depth + 1)).toArray();
            try {
                var ctor = t.getDeclaredConstructor(types);
                ctor.setAccessible(true);
                return ctor.newInstance(values);
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }
        return null;
    }

    static <T> List<T> sorted(Collection<T> c, Comparator<T> cmp) {
        List<T> l = new ArrayList<>(c);
        l.sort(cmp);
        return l;
    }
}

package org.guanjia.base;

import java.lang.reflect.Method;
import java.util.concurrent.ThreadLocalRandom;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Re-runs a writing service call whose transaction lost a DuckDB write-write conflict
 * ("TransactionContext Error: Conflict on update!"). DuckDB checks concurrent transactions
 * optimistically: two users saving at the same moment for the same unit (a payment each: both
 * rewrite the unit's allocation rows and credit) both run, and the second to commit fails. The
 * user did nothing wrong and the first save is already in, so the call is simply run again, in
 * a new transaction that sees the first one's rows, a few times with a short random pause.
 *
 * <p>Applies to the outermost {@code @Transactional} (not read-only) method of every bean of
 * {@code org.guanjia}, outside the transaction interceptor; a call inside an open transaction
 * is left to its outermost caller. Measured under the soak load (README "One process per
 * database file").
 */
public class WriteConflictRetry implements MethodInterceptor {

    private static final Logger log = LoggerFactory.getLogger(WriteConflictRetry.class);

    /** Attempts in all; conflicts come in pairs of transactions, so a handful is plenty. */
    static final int ATTEMPTS = 6;

    /** The advisor, picked up by the infrastructure auto-proxy creator with the transactions'. */
    @Configuration(proxyBeanMethods = false)
    static class Config {

        @Bean
        @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
        static DefaultPointcutAdvisor writeConflictRetryAdvisor() {
            DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(new WritingMethods(),
                    new WriteConflictRetry());
            // before (outside) the transaction interceptor, whose order is the lowest
            advisor.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return advisor;
        }
    }

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
        if (TransactionSynchronizationManager.isActualTransactionActive()
                || !(invocation instanceof ProxyMethodInvocation proxied)) {
            return invocation.proceed();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return proxied.invocableClone().proceed();
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !isConflict(e)) {
                    throw e;
                }
                long pause = ThreadLocalRandom.current().nextLong(5, 20L * attempt);
                log.info("Write conflict in {} (attempt {}), retrying in {} ms",
                        invocation.getMethod().getName(), attempt, pause);
                Thread.sleep(pause);
            }
        }
    }

    /**
     * A DuckDB write-write conflict anywhere in the cause chain: an update of a row another
     * transaction changed since this one began, or a key another transaction inserted at the
     * same time (reported at commit; a key that was already there fails at the insert itself).
     */
    public static boolean isConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && (m.contains("Conflict on ") || m.contains("write-write conflict")
                    || m.contains("Failed to commit: PRIMARY KEY or UNIQUE constraint"))) {
                return true;
            }
        }
        return false;
    }

    /** Methods of org.guanjia beans that run in a writing transaction of their own. */
    static final class WritingMethods extends StaticMethodMatcherPointcut {

        @Override
        public boolean matches(Method method, Class<?> targetClass) {
            if (targetClass == null || !targetClass.getName().startsWith("org.guanjia.")) {
                return false;
            }
            Method specific = AopUtils.getMostSpecificMethod(method, targetClass);
            Transactional tx = AnnotatedElementUtils.findMergedAnnotation(specific,
                    Transactional.class);
            if (tx == null) {
                tx = AnnotatedElementUtils.findMergedAnnotation(targetClass, Transactional.class);
            }
            return tx != null && !tx.readOnly();
        }
    }
}

package dev.baton.bench;

import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Times the transaction manager's commits on the driver threads: the commit round trip (with its WAL flush)
 * is the one piece of a transaction's database time that no jOOQ listener sees.
 */
final class CommitTimer implements BeanPostProcessor {

    private final StatementCounter counter;

    CommitTimer(StatementCounter counter) {
        this.counter = counter;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof PlatformTransactionManager)) {
            return bean;
        }
        // an interface proxy: the manager's final template methods would run on an empty subclass instance
        ProxyFactory proxy = new ProxyFactory(bean);
        proxy.setProxyTargetClass(false);
        proxy.addAdvice((MethodInterceptor) invocation -> {
            if (!invocation.getMethod().getName().equals("commit") || !this.counter.timing()) {
                return invocation.proceed();
            }
            long t0 = System.nanoTime();
            try {
                return invocation.proceed();
            } finally {
                this.counter.commitNanos.add(System.nanoTime() - t0);
                this.counter.commits.increment();
            }
        });
        return proxy.getProxy();
    }
}

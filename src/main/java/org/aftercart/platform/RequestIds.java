package org.aftercart.platform;

import java.util.Map;
import org.slf4j.MDC;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskDecorator;

/**
 * The correlation id of a request ({@code X-Request-Id}, MDC key {@code requestId}): set by {@link
 * RequestIdFilter} and carried by the application's task executor to what a request starts on
 * another thread, such as the module event listeners that run after its commit.
 */
@Configuration(proxyBeanMethods = false)
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    static final int MAX_LENGTH = 100;

    /**
     * Spring Boot applies a {@link TaskDecorator} bean to the executor it configures (which runs
     * {@code @Async} work and the asynchronous module listeners): the logging context of the thread
     * that hands the task over is the task's own while it runs.
     */
    @Bean
    TaskDecorator carryToOtherThreads() {
        return task -> {
            Map<String, String> context = MDC.getCopyOfContextMap();
            return () -> {
                Map<String, String> previous = MDC.getCopyOfContextMap();
                if (context == null) {
                    MDC.clear();
                } else {
                    MDC.setContextMap(context);
                }
                try {
                    task.run();
                } finally {
                    if (previous == null) {
                        MDC.clear();
                    } else {
                        MDC.setContextMap(previous);
                    }
                }
            };
        };
    }
}

package org.aftercart.platform;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

    /** The one clock every module reads, so that tests can move time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}

package org.aftercart.platform;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JacksonModule;

@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

    /** The one clock every module reads, so that tests can move time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Every JSON request body: decimals too long once written out are refused as malformed. */
    @Bean
    JacksonModule boundedDecimals() {
        return BoundedDecimals.module();
    }
}

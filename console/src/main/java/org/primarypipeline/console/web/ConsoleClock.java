package org.primarypipeline.console.web;

import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The zone console pages show times in: staff work on US time, so Eastern unless configured. */
@Configuration(proxyBeanMethods = false)
public class ConsoleClock {

    @Bean
    Format consoleFormat(@Value("${pp.console.time-zone:America/New_York}") String zone) {
        return new Format(ZoneId.of(zone));
    }
}

package org.aftercart;

import org.aftercart.integrations.ImportCommandLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Aftercart: everything that happens after the customer clicks Buy, in one system. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableAsync
@EnableScheduling
@Modulithic(systemName = "Aftercart", sharedModules = "shared")
public class AftercartApplication {

    public static void main(String[] args) {
        if (ImportCommandLine.handles(args)) {
            System.exit(ImportCommandLine.run(AftercartApplication.class, args));
        }
        SpringApplication.run(AftercartApplication.class, args);
    }
}

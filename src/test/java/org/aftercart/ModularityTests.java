package org.aftercart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import tools.jackson.databind.json.JsonMapper;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(AftercartApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeDocumentation().writeIndividualModulesAsPlantUml();
    }

    /**
     * At run time Spring Modulith reads the module list from this file instead of scanning the
     * classpath with ArchUnit (several seconds of start-up); among others, its module-aware Flyway
     * migrates exactly the modules listed there. It must list every module.
     */
    @Test
    void precomputedModuleListMatchesTheModules() throws IOException {
        var listed = new ClassPathResource("META-INF/spring-modulith/application-modules.json");
        List<String> names;
        try (InputStream in = listed.getInputStream()) {
            names = JsonMapper.builder().build().readTree(in).propertyNames().stream()
                    .sorted()
                    .toList();
        }
        assertThat(names)
                .as("src/main/resources/%s lists the application modules", listed.getPath())
                .isEqualTo(modules.stream()
                        .map(ApplicationModule::getIdentifier)
                        .map(Object::toString)
                        .sorted()
                        .toList());
    }
}

package org.renda;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module boundaries hold, and the module diagram in docs/modules is regenerated from the code. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(RendaApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublicApiAndFormNoCycles() {
        modules.verify();
    }

    @Test
    void everyCapabilityIsAModule() {
        assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
                .contains("org", "identity", "audit", "web", "shared", "demo");
    }

    @Test
    void writesTheModuleDiagramIntoDocs() throws Exception {
        Path out = Path.of("docs", "modules");
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(out.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        assertThat(Files.list(out)).anyMatch(p -> p.getFileName().toString().equals("components.puml"));
    }
}

package org.renda.assessment.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The scoring engine stays plain Java: no Spring, no JDBC, nothing of the rest of Renda. */
class EngineIsPlainJavaTest {

    @Test
    void theEngineImportsOnlyTheJdkAndJSpecify() throws Exception {
        Path dir = Path.of("src/main/java/org/renda/assessment/engine");
        List<String> imports;
        try (Stream<Path> files = Files.list(dir)) {
            imports = files.filter(f -> !f.getFileName().toString().equals("package-info.java"))
                    .flatMap(f -> {
                        try {
                            return Files.readAllLines(f).stream();
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .filter(l -> l.startsWith("import ")).toList();
        }
        assertThat(imports).isNotEmpty().allSatisfy(l -> assertThat(l).matches(
                "import (static )?(java\\.|org\\.jspecify\\.|org\\.renda\\.assessment\\.engine\\.).*"));
    }
}

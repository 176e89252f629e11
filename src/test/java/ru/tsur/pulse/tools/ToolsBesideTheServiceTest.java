package ru.tsur.pulse.tools;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The offline commands live beside the service, not inside it: no source outside {@code ru.tsur.pulse.tools}
 * names that package (an import, a fully qualified name, a class name in a string), so the server can never
 * reach the tools' code, and CDI discovery skips the package, so no bean is ever made from it.
 */
class ToolsBesideTheServiceTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path TOOLS = SOURCES.resolve("ru/tsur/pulse/tools");

    @Test
    void noServerSourceReferencesTheTools() throws IOException {
        List<Path> serverSources;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            serverSources = files.filter(file -> file.toString().endsWith(".java")).filter(file -> !file.startsWith(TOOLS))
                    .toList();
        }
        List<String> references = new ArrayList<>();
        for (Path source : serverSources) {
            List<String> lines = Files.readAllLines(source);
            for (int index = 0; index < lines.size(); index++) {
                if (lines.get(index).contains("ru.tsur.pulse.tools")) {
                    references.add(source + ":" + (index + 1) + ": " + lines.get(index).strip());
                }
            }
        }
        assertThat(serverSources).as("server sources scanned").hasSizeGreaterThan(100);
        assertThat(references).isEmpty();
    }

    @Test
    void beanDiscoverySkipsTheToolsPackage() throws IOException {
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            properties.load(reader);
        }
        assertThat(properties.getProperty("quarkus.arc.exclude-types")).isEqualTo("ru.tsur.pulse.tools.**");
    }
}

package ru.tsur.pulse.deploy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a native image needs that the JVM forgives, checked on the sources (a native build itself cannot
 * run here): no reflective lookup or classpath scanning in the service's code, and every classpath
 * resource the service reads at run time is listed in {@code quarkus.native.resources.includes} (Quarkus
 * adds the static web resources and the Flyway migrations itself).
 */
class NativeReadinessTest {

    private static final Pattern REFLECTION = Pattern.compile(
            "Class\\.forName\\(|\\.getDeclared(?:Methods|Fields|Constructors)\\(|ServiceLoader\\.load\\(|\\.getResources\\(");
    private static final List<String> ADDED_BY_QUARKUS = List.of("META-INF/resources/", "db/migration/");

    @Test
    void noReflectiveLookupsOrClasspathScanningInTheService() throws IOException {
        Map<String, String> found = new TreeMap<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(file -> file.toString().endsWith(".java")).toList()) {
                Matcher matcher = REFLECTION.matcher(Files.readString(source));
                if (matcher.find()) {
                    found.put(source.toString(), matcher.group());
                }
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void everyRuntimeResourceIsIncludedInTheNativeImage() throws IOException {
        Matcher includes = Pattern.compile("(?m)^quarkus\\.native\\.resources\\.includes=(.+)$")
                .matcher(Files.readString(Path.of("src/main/resources/application.properties")));
        assertThat(includes.find()).isTrue();
        FileSystem fileSystem = FileSystems.getDefault();
        List<PathMatcher> globs = new ArrayList<>();
        for (String glob : includes.group(1).strip().split(",")) {
            globs.add(fileSystem.getPathMatcher("glob:" + glob.strip()));
        }
        Path root = Path.of("src/main/resources");
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path relative = root.relativize(file);
                String name = relative.toString().replace('\\', '/');
                if (name.equals("application.properties") || ADDED_BY_QUARKUS.stream().anyMatch(name::startsWith)) {
                    continue;
                }
                if (globs.stream().noneMatch(glob -> glob.matches(relative))) {
                    missing.add(name);
                }
            }
        }
        assertThat(missing).isEmpty();
    }
}

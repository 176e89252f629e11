package ru.tsur.pulse.tools.regionpack;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The offline command that (re)builds the shipped region packs ({@code src/main/resources/regions/}) from the
 * curated data in {@code regions-source/} and the reference data in {@code ../shared/data}, with the
 * service's own normalizer, keyword classifier, locator and gazetteer. Run from the project root through
 * {@code scripts/build-region-packs.sh} ({@code PulseTools build-region-packs}); prints a report of the figures it measured, and progress on stderr.
 */
@Command(name = "build-region-packs",
        description = "Builds the region packs (spb, kursk) from regions-source/ and the shared reference data.")
public final class BuildRegionPacks implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "DIR", description = "reference data folder (default: ${DEFAULT-VALUE})")
    Path data = Path.of("..", "shared", "data");

    @Option(names = "--out", paramLabel = "DIR", description = "where the packs are written (default: ${DEFAULT-VALUE})")
    Path out = Path.of("src", "main", "resources", "regions");

    @Option(names = "--source", paramLabel = "DIR", description = "curated region data (default: ${DEFAULT-VALUE})")
    Path source = Path.of("regions-source");

    @Override
    public Integer call() throws IOException {
        PrintStream progress = System.err;
        for (Path folder : new Path[]{data, source}) {
            if (!Files.isDirectory(folder)) {
                progress.println("No folder " + folder.toAbsolutePath().normalize()
                        + (folder == data ? " (the reference data: give it with --data)"
                        : " (the curated region data: run from the project root or give --source)"));
                return 2;
            }
        }
        long started = System.nanoTime();
        RegionPackBuilder.Output output = new RegionPackBuilder(source, data, step ->
                progress.printf("[%5.1f s] %s%n", (System.nanoTime() - started) / 1e9, step)).build();
        output.report().forEach(System.out::println);
        for (Map.Entry<String, String> file : output.files().entrySet()) {
            Path target = out.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
        }
        System.out.println();
        System.out.println("wrote " + out + "/{spb,kursk}/{region.json,municipalities.geojson,demo-profile.json,"
                + "demo-templates.json,demo-streets.json} and " + out + "/README.md");
        return 0;
    }
}

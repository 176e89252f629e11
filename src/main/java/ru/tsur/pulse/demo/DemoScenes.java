package ru.tsur.pulse.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's scripted events ({@code demo-scenes.json} in the region pack): a snowfall in two districts, a
 * heating failure in one block, a burst of one topic in one municipality. Each scene adds messages of its
 * category and topic in its municipalities for its minutes, at {@code factor} times the normal rate of those
 * cells (but at least {@code floorPerMinute} a minute in all, so a rare category still shows); the script
 * repeats every {@code cycleMinutes}. Every tension alert of a demo on a warm baseline should be one of these
 * (README, «The demo»). Plain: the feed asks {@link #extra} each period.
 */
public record DemoScenes(Duration cycle, List<Scene> scenes) {

    /**
     * One scripted event.
     *
     * @param id             a short name for logs and tests
     * @param title          what the README and the log call it, in Russian
     * @param municipalities where it happens
     * @param category       its category id
     * @param topic          its topic (a topic of that category in the demo profile)
     * @param start          offset from the start of each cycle
     * @param length         how long it lasts
     * @param factor         the rate of its cells during the scene, as a multiple of their normal rate
     * @param floorPerMinute fewest extra messages a minute over all its municipalities
     */
    public record Scene(String id, String title, List<String> municipalities, String category, String topic,
                        Duration start, Duration length, double factor, double floorPerMinute) {

        /** Whether the scene plays at {@code sinceStart} after the demo started. */
        public boolean playsAt(Duration sinceStart, Duration cycle) {
            long intoCycle = Math.floorMod(sinceStart.toMillis(), cycle.toMillis());
            return intoCycle >= start.toMillis() && intoCycle < start.plus(length).toMillis();
        }
    }

    /** Extra messages one municipality of a playing scene gets in a period: their mean count. */
    public record Extra(Scene scene, String municipality, double mean) {
    }

    public DemoScenes {
        scenes = List.copyOf(scenes);
    }

    /**
     * The extra messages of every scene playing at {@code sinceStart}, for a period of {@code period};
     * {@code normalPerSecond} gives a municipality × category cell's normal rate at this moment.
     */
    public List<Extra> extra(Duration sinceStart, Duration period, CellRate normalPerSecond) {
        List<Extra> extra = new ArrayList<>();
        double seconds = period.toMillis() / 1000.0;
        for (Scene scene : scenes) {
            if (!scene.playsAt(sinceStart, cycle)) {
                continue;
            }
            double floorEach = scene.floorPerMinute() / 60.0 / scene.municipalities().size();
            for (String municipality : scene.municipalities()) {
                double normal = normalPerSecond.perSecond(municipality, scene.category());
                double perSecond = Math.max(floorEach, (scene.factor() - 1) * normal);
                extra.add(new Extra(scene, municipality, perSecond * seconds));
            }
        }
        return extra;
    }

    /** A municipality × category cell's normal messages per second now. */
    @FunctionalInterface
    public interface CellRate {
        double perSecond(String municipality, String category);
    }

    /** The region's scenes; none if the region pack ships no {@code demo-scenes.json}. */
    public static DemoScenes load(String regionId, ObjectMapper json) {
        String path = "regions/" + regionId + "/demo-scenes.json";
        try (InputStream stream = DemoScenes.class.getClassLoader().getResourceAsStream(path)) {
            if (stream == null) {
                return new DemoScenes(Duration.ofHours(1), List.of());
            }
            JsonNode root = json.readTree(stream);
            List<Scene> scenes = new ArrayList<>();
            for (JsonNode scene : root.path("scenes")) {
                List<String> municipalities = new ArrayList<>();
                scene.path("municipalities").forEach(municipality -> municipalities.add(municipality.asText()));
                scenes.add(new Scene(scene.path("id").asText(), scene.path("title").asText(), List.copyOf(municipalities),
                        scene.path("category").asText(), scene.path("topic").asText(),
                        Duration.ofSeconds(Math.round(scene.path("startMinute").asDouble() * 60)),
                        Duration.ofSeconds(Math.round(scene.path("minutes").asDouble() * 60)),
                        scene.path("factor").asDouble(3), scene.path("floorPerMinute").asDouble(1)));
            }
            return new DemoScenes(Duration.ofMinutes(root.path("cycleMinutes").asLong(60)), scenes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

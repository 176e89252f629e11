package ru.tsur.pulse.tools.prevention;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import ru.tsur.pulse.prevention.Place;
import ru.tsur.pulse.prevention.PlaceMessage;
import ru.tsur.pulse.prevention.incidents.Incident;
import ru.tsur.pulse.prevention.incidents.IncidentFinder;
import ru.tsur.pulse.prevention.incidents.IncidentMessage;
import ru.tsur.pulse.tools.Arguments;
import ru.tsur.pulse.tools.Progress;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code scripts/evaluate-incidents.sh}: replays a CSV through the incident finder ({@link IncidentFinder},
 * the service's own class) and prints one line per incident that started between {@code --from} and
 * {@code --to}, then {@code incidents=N}:
 * <pre>incident start=2020-11-03T10:15 detected=2020-11-03T12:40 area=r=400m@59.93000,30.36000 topic="…" buildings=8 messages=9 p=1.2e-05 cause="…"</pre>
 * {@code --inject K,R,HOURS,START,LATITUDE,LONGITUDE,TOPIC} (repeatable) first adds a synthetic outage: K
 * buildings at random points (seeded by {@code --seed}) within R metres of the point, one message each, evenly
 * over HOURS from START (local time in {@code --zone}), of TOPIC (the rest of the spec, so it may hold commas;
 * its category is the one the data give that topic). For each, a line says whether an incident holds at least
 * {@code --min-places} of its messages and how long after START the finder could have said so:
 * {@code injected k=8 r=300m hours=6 at=59.93,30.36 found=yes after=2h15m}. Progress on stderr.
 */
@Command(name = "evaluate-incidents", sortOptions = false, sortSynopsis = false,
        description = "Replays the messages of a CSV through the incident finder (one topic, several nearby buildings at"
                + " once) and prints each incident, then their number; optionally injects synthetic outages and says"
                + " whether and when they were found.")
public final class EvaluateIncidentsCommand implements Callable<Integer> {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm", Locale.ROOT);

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE",
            description = "CSV in the St Petersburg portal format (id, created_at, category, reason, address, latitude,"
                    + " longitude), plain or gzipped; rows without a point are skipped.")
    Path data;

    @Option(names = "--inject", paramLabel = "K,R,HOURS,START,LAT,LON,TOPIC",
            description = "A synthetic outage: K buildings within R metres of LAT,LON, one message each over HOURS from"
                    + " START (yyyy-MM-ddTHH:mm, --zone), of TOPIC. Repeatable.")
    List<String> injections = new ArrayList<>();

    @Option(names = "--from", paramLabel = "DATE", description = "Print incidents that start on or after this date.")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DATE",
            description = "Replay only messages before this date, and print incidents that start before it.")
    LocalDate to;

    @Option(names = "--link-metres", paramLabel = "M", description = "Neighbour distance (default: the finder's, 400).")
    Double linkMetres;

    @Option(names = "--link-hours", paramLabel = "H", description = "Neighbour time (default: the finder's, 12).")
    Double linkHours;

    @Option(names = "--min-places", paramLabel = "N", description = "Distinct places an incident needs (default: 3).")
    Integer minPlaces;

    @Option(names = "--alpha", paramLabel = "A", description = "Significance level (default: 0.001).")
    Double alpha;

    @Option(names = "--background-days", paramLabel = "D", description = "Days of the topic's background (default: 28).")
    Integer backgroundDays;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "17", description = "Seed of the injected points (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "Europe/Moscow",
            description = "Time zone of dates, of START and of the printed times (default ${DEFAULT-VALUE}).")
    ZoneId zone;

    /** One parsed --inject. */
    record Injection(int buildings, double radiusMetres, double hours, LocalDateTime start, double latitude,
                     double longitude, String topic) {

        static Injection parse(String spec) {
            String[] parts = spec.split(",", 7);
            if (parts.length < 7) {
                throw new IllegalArgumentException("--inject needs K,R,HOURS,START,LAT,LON,TOPIC, not " + spec);
            }
            try {
                Injection injection = new Injection(Integer.parseInt(parts[0].strip()), Double.parseDouble(parts[1].strip()),
                        Double.parseDouble(parts[2].strip()), LocalDateTime.parse(parts[3].strip()),
                        Double.parseDouble(parts[4].strip()), Double.parseDouble(parts[5].strip()), parts[6].strip());
                if (injection.buildings() < 1 || !(injection.radiusMetres() >= 0) || !(injection.hours() >= 0)
                        || injection.topic().isEmpty()) {
                    throw new IllegalArgumentException("--inject: K ≥ 1, R ≥ 0, HOURS ≥ 0 and a topic, not " + spec);
                }
                return injection;
            } catch (NumberFormatException | DateTimeParseException e) {
                throw new IllegalArgumentException("--inject " + spec + ": " + e.getMessage());
            }
        }
    }

    @Override
    public Integer call() throws Exception {
        Arguments.readable(spec, "--data", data);
        List<Injection> parsed = new ArrayList<>();
        for (String injection : injections) {
            try {
                parsed.add(Injection.parse(injection));
            } catch (IllegalArgumentException e) {
                throw Arguments.usage(spec, e.getMessage());
            }
        }
        Arguments.require(spec, from == null || to == null || from.isBefore(to), "--from must be before --to");
        IncidentFinder.Settings defaults = IncidentFinder.Settings.defaults();
        IncidentFinder.Settings settings;
        try {
            settings = new IncidentFinder.Settings(linkMetres != null ? linkMetres : defaults.linkMetres(),
                    linkHours != null ? linkHours : defaults.linkHours(), minPlaces != null ? minPlaces : defaults.minPlaces(),
                    alpha != null ? alpha : defaults.alpha(), backgroundDays != null ? backgroundDays : defaults.backgroundDays());
        } catch (IllegalArgumentException e) {
            throw Arguments.usage(spec, e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Progress progress = new Progress(spec.commandLine().getErr())) {
            PlaceMessageFile.IdentifiedContents contents;
            try {
                contents = progress.counted("reading " + data, Files.size(data), "bytes", bytes -> {
                    try {
                        return PlaceMessageFile.readIdentified(data, zone, bytes);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }).value();
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            List<IncidentMessage> messages = new ArrayList<>(contents.messages().size());
            for (PlaceMessageFile.Identified identified : contents.messages()) {
                PlaceMessage message = identified.message();
                if (message.latitude() != null && message.longitude() != null) {
                    messages.add(new IncidentMessage(identified.id(), message.createdAt(), message.place(), message.category(),
                            message.topic() != null ? message.topic() : message.category(), message.latitude(), message.longitude()));
                }
            }
            progress.note(String.format(Locale.ROOT, "%,d rows, %,d messages with a point", contents.rows(), messages.size()));
            List<List<String>> injectedIds = new ArrayList<>();
            Random random = new Random(seed);
            for (int i = 0; i < parsed.size(); i++) {
                List<IncidentMessage> synthetic = synthetic(parsed.get(i), i + 1, messages, random, zone);
                injectedIds.add(synthetic.stream().map(IncidentMessage::id).toList());
                messages.addAll(synthetic);
            }
            messages.sort(Comparator.comparing(IncidentMessage::createdAt));
            Instant now = to != null ? to.atStartOfDay(zone).toInstant() : Instant.MAX;
            Instant since = from != null ? from.atStartOfDay(zone).toInstant() : Instant.MIN;
            // About 30,000 messages a second on the shared VM; no estimate for what takes under a second.
            double estimate = messages.size() < 30_000 ? 0 : messages.size() / 30_000.0;
            List<Incident> incidents = progress.step(String.format(Locale.ROOT, "finding incidents among %,d messages",
                    messages.size()), estimate, () -> new IncidentFinder(settings).find(messages, now)).value();
            int printed = 0;
            for (Incident incident : incidents) {
                if (!incident.start().isBefore(since)) {
                    out.println(line(incident, zone));
                    printed++;
                }
            }
            out.println("incidents=" + printed);
            for (int i = 0; i < parsed.size(); i++) {
                out.println(injected(parsed.get(i), injectedIds.get(i), incidents, settings.minPlaces(), zone));
            }
        }
        return 0;
    }

    /** The messages of one injected outage; ids {@code injected-<n>-<i>}. */
    static List<IncidentMessage> synthetic(Injection injection, int number, List<IncidentMessage> messages, Random random,
                                             ZoneId zone) {
        String category = messages.stream().filter(message -> message.topic().equals(injection.topic()))
                .map(IncidentMessage::category).findFirst().orElse("Инцидент");
        Instant start = injection.start().atZone(zone).toInstant();
        List<IncidentMessage> synthetic = new ArrayList<>();
        double metresPerDegree = Math.PI * 6_371_000 / 180;
        for (int i = 0; i < injection.buildings(); i++) {
            double distance = injection.radiusMetres() * Math.sqrt(random.nextDouble());
            double angle = 2 * Math.PI * random.nextDouble();
            double latitude = injection.latitude() + distance * Math.cos(angle) / metresPerDegree;
            double longitude = injection.longitude()
                    + distance * Math.sin(angle) / (metresPerDegree * Math.cos(Math.toRadians(injection.latitude())));
            String address = "Проверочная улица " + number + ", дом " + (i + 1);
            Instant at = start.plusMillis((long) (injection.hours() * 3_600_000 * i / injection.buildings()));
            synthetic.add(new IncidentMessage("injected-" + number + "-" + (i + 1), at, Place.of(address, latitude, longitude),
                    category, injection.topic(), latitude, longitude));
        }
        return synthetic;
    }

    /** One incident's line. */
    static String line(Incident incident, ZoneId zone) {
        return String.format(Locale.ROOT, "incident start=%s detected=%s area=r=%.0fm@%.5f,%.5f topic=\"%s\" buildings=%d"
                        + " messages=%d p=%.1e cause=\"%s\"",
                MINUTES.format(incident.start().atZone(zone)), MINUTES.format(incident.detectedAt().atZone(zone)),
                incident.radiusMetres(), incident.latitude(), incident.longitude(), incident.topic(), incident.places().size(),
                incident.messageIds().size(), incident.pValue(), incident.cause());
    }

    /** Whether and when an injected outage was found. */
    static String injected(Injection injection, List<String> ids, List<Incident> incidents, int minPlaces, ZoneId zone) {
        Set<String> injected = new HashSet<>(ids);
        Instant start = injection.start().atZone(zone).toInstant();
        Instant found = null;
        for (Incident incident : incidents) {
            long held = incident.messageIds().stream().filter(injected::contains).count();
            if (held >= Math.min(minPlaces, ids.size()) && (found == null || incident.detectedAt().isBefore(found))) {
                found = incident.detectedAt();
            }
        }
        String head = String.format(Locale.ROOT, "injected k=%d r=%.0fm hours=%s at=%s,%s topic=\"%s\"", injection.buildings(),
                injection.radiusMetres(), number(injection.hours()), number(injection.latitude()), number(injection.longitude()),
                injection.topic());
        if (found == null) {
            return head + " found=no";
        }
        long minutes = Duration.between(start, found).toMinutes();
        return head + String.format(Locale.ROOT, " found=yes after=%dh%02dm", minutes / 60, minutes % 60);
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}

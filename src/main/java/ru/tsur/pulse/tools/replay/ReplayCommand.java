package ru.tsur.pulse.tools.replay;

import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;
import ru.tsur.pulse.tools.Arguments;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.concurrent.Callable;

/**
 * {@code scripts/replay.sh FILE [--speed N|max] [--url URL] [--time original|now] [--from ISO] [--until ISO]
 * [--days N] [--limit N] [--batch N] [--api-key KEY | --token TOKEN]}: replays the St Petersburg portal
 * export through the ingest API ({@link Replay}) and prints
 * {@code replay sent=… accepted=… duplicates=… skipped=… seconds=… rate=…/s}.
 */
@Command(name = "replay", sortOptions = false, sortSynopsis = false,
        description = "Replays a CSV in the St Petersburg portal format through the ingest API at N× real time"
                + " and prints what was sent and accepted.")
public final class ReplayCommand implements Callable<Integer> {

    /** Which time a message carries: the data's own (the default) or the moment it is sent. */
    public enum Stamp { ORIGINAL, NOW }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The portal export, plain or gzipped.")
    Path file;

    @Option(names = "--speed", paramLabel = "N|max", defaultValue = "60", converter = Speed.class,
            description = "Pace: N× real time (default 60: an hour of data per minute), max = as fast as accepted.")
    double speed;

    @Option(names = "--url", paramLabel = "URL", defaultValue = "http://127.0.0.1:8080",
            description = "Service base URL (default ${DEFAULT-VALUE}).")
    String url;

    @Option(names = "--time", paramLabel = "original|now", defaultValue = "original", converter = StampName.class,
            description = "createdAt as in the data (default) or the moment of sending (then the messages show in"
                    + " the live windows).")
    Stamp time;

    @Option(names = "--from", paramLabel = "ISO", description = "Only rows created at or after this local time (Europe/Moscow).")
    LocalDateTime from;

    @Option(names = "--until", paramLabel = "ISO", description = "Only rows created before this local time.")
    LocalDateTime until;

    @Option(names = "--days", paramLabel = "N", description = "Only the first N days of the file.")
    Integer days;

    @Option(names = "--limit", paramLabel = "N", description = "At most N rows.")
    Long limit;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "200", description = "Rows per request (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--api-key", paramLabel = "KEY", defaultValue = "${env:PULSE_API_KEY}",
            description = "A source key allowed to post as \"portal\" (scripts/keys.sh create replay portal);"
                    + " default: the environment variable PULSE_API_KEY.")
    String apiKey;

    @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:PULSE_TOKEN}",
            description = "Or an operator's bearer token; default: the environment variable PULSE_TOKEN.")
    String token;

    /** {@code --time}: {@code original} or {@code now}, as the option is written. */
    static final class StampName implements ITypeConverter<Stamp> {
        @Override
        public Stamp convert(String text) {
            return switch (text) {
                case "original" -> Stamp.ORIGINAL;
                case "now" -> Stamp.NOW;
                default -> throw new TypeConversionException("original or now, not " + text);
            };
        }
    }

    /** {@code --speed}: a positive number, or {@code max} (infinite). */
    static final class Speed implements ITypeConverter<Double> {
        @Override
        public Double convert(String text) {
            if (text.equals("max")) {
                return Double.POSITIVE_INFINITY;
            }
            double speed;
            try {
                speed = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + text + "' is neither a number nor max");
            }
            if (!(speed > 0)) {
                throw new TypeConversionException("must be positive or max, not " + text);
            }
            return speed;
        }
    }

    /** The options as the replay takes them, checked; a usage error when they cannot work. */
    public Replay.Options options() {
        Arguments.readable(spec, "FILE", file);
        Arguments.require(spec, days == null || days > 0, "--days must be positive");
        Arguments.require(spec, limit == null || limit > 0, "--limit must be positive");
        Arguments.require(spec, batch > 0, "--batch must be positive");
        Arguments.require(spec, !blank(apiKey) || !blank(token), "The service asks who posts: give --api-key (a key"
                + " for the source \"portal\", scripts/keys.sh create) or --token (an operator's token), or"
                + " PULSE_API_KEY / PULSE_TOKEN");
        return new Replay.Options(file, url.replaceAll("/+$", ""), speed, time == Stamp.ORIGINAL, from, until, days,
                limit == null ? Long.MAX_VALUE : limit, batch, apiKey, token);
    }

    @Override
    public Integer call() throws Exception {
        Replay.Options options = options();
        spec.commandLine().getOut().println(new Replay(options).run());
        return 0;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}

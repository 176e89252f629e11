package ru.tsur.pulse.tools.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;
import ru.tsur.pulse.classify.ClassifyConfig;
import ru.tsur.pulse.csv.CsvReader;
import ru.tsur.pulse.ingest.IngestConfig;
import ru.tsur.pulse.ingest.MessageParser;
import ru.tsur.pulse.locate.Gazetteer;
import ru.tsur.pulse.locate.MunicipalityLocator;
import ru.tsur.pulse.locate.RegionPack;
import ru.tsur.pulse.normalize.TextNormalizer;
import ru.tsur.pulse.pipeline.DecisionPath;
import ru.tsur.pulse.privacy.PersonalDataMasker;
import ru.tsur.pulse.region.RegionProducers;
import ru.tsur.pulse.route.RoutingConfig;
import ru.tsur.pulse.tools.Arguments;
import ru.tsur.pulse.tools.Progress;
import ru.tsur.pulse.tools.ServiceSettings;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code scripts/import-history.sh FILE [--region spb|kursk] [--source NAME] [--shift-weeks N|auto]
 * [--from DATE] [--to DATE] [--zone ZONE] [--batch N] [--database-url URL] [--database-user USER]
 * [--routing-overrides FILE]}: loads a region's past messages into the service's PostgreSQL in bulk
 * ({@link HistoryImport}), decided by the service's own decision path for the region pack — the same
 * classes, model, routing table, overrides and settings the service would use (its settings read as it
 * reads them from the environment, {@link ServiceSettings}) — and prints what it did
 * ({@link ImportSummary}). Password: env {@code PULSE_DB_PASSWORD} (default {@code pulse}), as the other tools.
 */
@Command(name = "import-history", sortOptions = false, sortSynopsis = false,
        description = "Loads past messages from a CSV into PostgreSQL in bulk, classified, located and routed as"
                + " the service decides, for warm baselines at the next start; raises no case and no alert.")
public final class ImportHistoryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE",
            description = "The history CSV, plain or gzipped (the St Petersburg export, or any CSV with created_at,"
                    + " a place and a category: README, «Importing history»).")
    Path file;

    @Option(names = "--region", paramLabel = "REGION", order = 1, defaultValue = "${env:PULSE_REGION:-spb}",
            description = "Region pack the messages are decided against: spb or kursk (default: env PULSE_REGION,"
                    + " else spb, as the service).")
    String region;

    @Option(names = "--source", paramLabel = "NAME", order = 2, defaultValue = "portal",
            description = "Source of rows without a source column (default ${DEFAULT-VALUE}, as replay.sh posts the"
                    + " St Petersburg export); shifted rows are stored as history.NAME.")
    String source;

    @Option(names = "--shift-weeks", paramLabel = "N|auto", order = 3, defaultValue = "0", converter = ShiftWeeks.class,
            description = "Move every time by N whole weeks (weekday and hour kept), or auto: so that the newest"
                    + " row falls in the week before now (default ${DEFAULT-VALUE}: unmoved).")
    long shiftWeeks;

    @Option(names = "--from", paramLabel = "DATE", order = 4,
            description = "Only rows created on or after this local date (before any shift), e.g. 2020-10-18.")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", order = 5,
            description = "Only rows created on or before this local date (the whole day included).")
    LocalDate to;

    @Option(names = "--zone", paramLabel = "ZONE", order = 6,
            description = "Time zone of times written without an offset (default: the region's).")
    String zone;

    @Option(names = "--batch", paramLabel = "N", order = 7, defaultValue = "2000",
            description = "Rows per INSERT (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--database-url", paramLabel = "URL", order = 8,
            defaultValue = "jdbc:postgresql://127.0.0.1:5432/pulse",
            description = "The service's database (default ${DEFAULT-VALUE}; password: env PULSE_DB_PASSWORD,"
                    + " default pulse).")
    String databaseUrl;

    @Option(names = "--database-user", paramLabel = "USER", order = 9, defaultValue = "pulse",
            description = "Database user (default ${DEFAULT-VALUE}).")
    String databaseUser;

    @Option(names = "--routing-overrides", paramLabel = "FILE", order = 10,
            description = "The control room's routing overrides, as the service's pulse.routing.overrides-file"
                    + " (default: env PULSE_ROUTING_OVERRIDES_FILE, else none).")
    Path routingOverrides;

    /** {@link #shiftWeeks} for {@code auto}. */
    static final long AUTO = Long.MIN_VALUE;

    /** {@code --shift-weeks}: {@code auto} or a whole number of weeks, not negative. */
    static final class ShiftWeeks implements ITypeConverter<Long> {
        @Override
        public Long convert(String text) {
            if (text.equals("auto")) {
                return AUTO;
            }
            long weeks;
            try {
                weeks = Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + text + "' is neither a whole number of weeks nor auto");
            }
            if (weeks < 0) {
                throw new TypeConversionException("must not be negative, not " + text);
            }
            return weeks;
        }
    }

    @Override
    public Integer call() throws Exception {
        Arguments.readable(spec, "FILE", file);
        Arguments.require(spec, batch > 0, "--batch must be positive");
        Arguments.require(spec, from == null || to == null || !to.isBefore(from), "--to must not come before --from");
        try (CsvReader csv = CsvReader.open(file)) {
            HistoryColumns.of(csv.header()); // a file the import cannot read fails before the database is touched
        }
        RegionPack pack = pack();
        ZoneId timeZone = zone(pack);
        ServiceSettings settings = ServiceSettings.fromEnvironment();
        Optional<Path> overrides = Optional.ofNullable(routingOverrides)
                .or(() -> settings.value(RoutingConfig.class, "overridesFile").map(Path::of));
        overrides.ifPresent(overridesFile -> Arguments.readable(spec, "--routing-overrides", overridesFile));
        HistoryImport.Options options = new HistoryImport.Options(file, source, shiftWeeks == AUTO,
                shiftWeeks == AUTO ? 0 : shiftWeeks, from, to, timeZone, batch);

        TextNormalizer normalizer = new TextNormalizer();
        MessageParser parser = new MessageParser(Clock.systemUTC(), settings.duration(IngestConfig.class, "maxClockSkew"),
                settings.whole(IngestConfig.class, "maxTextLength"), normalizer);
        requireSource(parser, (options.shifted() ? HistoryRows.SHIFTED_SOURCE_PREFIX : "") + source);
        PrintWriter out = spec.commandLine().getOut();
        try (Progress progress = new Progress(spec.commandLine().getErr())) {
            DecisionPath decisions = progress.step("loading the decisions of " + pack.region().id()
                    + " (model, routing table" + overrides.map(overridesFile -> ", overrides " + overridesFile).orElse("") + ")", 0,
                    () -> new DecisionPath(normalizer, new PersonalDataMasker(),
                            RegionProducers.servingClassifier(pack.region(), normalizer,
                                    settings.number(ClassifyConfig.class, "triageBelow")),
                            new MunicipalityLocator(pack, new Gazetteer(pack.region().municipalities())),
                            RegionProducers.servingRoutingTable(pack.region(), overrides),
                            settings.number(RoutingConfig.class, "modelConfidence"))).value();
            try (HistoryStore store = progress.step("opening " + databaseUrl, 0, () -> HistoryStore.open(databaseUrl,
                    databaseUser, System.getenv().getOrDefault("PULSE_DB_PASSWORD", "pulse"))).value()) {
                ImportSummary summary = new HistoryImport(decisions, parser, Clock.systemUTC()).run(options, store, progress);
                summary.lines().forEach(out::println);
            }
        }
        out.flush();
        return 0;
    }

    /** The region pack, or a usage error naming {@code --region} when there is none by that id. */
    private RegionPack pack() {
        try {
            return RegionPack.load(region, new ObjectMapper());
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw Arguments.usage(spec, "--region " + region + ": " + e.getMessage()
                    + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")"));
        }
    }

    /** {@code --zone}, else the region's own. */
    private ZoneId zone(RegionPack pack) {
        if (zone == null) {
            return ZoneId.of(pack.region().timeZone());
        }
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw Arguments.usage(spec, "--zone " + zone + ": not a time zone (e.g. Europe/Moscow)");
        }
    }

    /** A usage error unless the ingest API would take {@code name} as a source (its own rule, asked of its parser). */
    private void requireSource(MessageParser parser, String name) {
        ObjectNode probe = JsonNodeFactory.instance.objectNode().put("source", name).put("externalId", "probe").put("text", "probe");
        parser.parse(probe, "").errors().stream().filter(error -> error.field().equals("source")).findFirst()
                .ifPresent(error -> {
                    throw Arguments.usage(spec, "--source " + source + ": the stored source " + name + " "
                            + error.message());
                });
    }
}

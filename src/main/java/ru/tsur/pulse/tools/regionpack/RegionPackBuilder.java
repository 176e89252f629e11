package ru.tsur.pulse.tools.regionpack;

import ru.tsur.pulse.normalize.TextNormalizer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Builds both shipped region packs — St Petersburg, then Kursk oblast (whose demo rate is scaled from St
 * Petersburg's) — and the packs' README, from the curated folder ({@code regions-source/}) and the read-only
 * reference data ({@code ../shared/data}). Returns the files' texts by path under the output folder, so the
 * command writes them and the tests compare them; same input, same bytes.
 */
public final class RegionPackBuilder {

    /** The files by path relative to the packs' folder ({@code spb/region.json}, …, {@code README.md}) and the report. */
    public record Output(Map<String, String> files, List<String> report) {
    }

    private static final List<String> SPB_CATEGORY_COLUMNS = List.of("category", "id");
    private static final List<String> KURSK_CATEGORY_COLUMNS = List.of("code", "id", "name", "keywords");

    private final Path source;
    private final Path data;
    private final Consumer<String> progress;

    /** {@code progress} hears one line as each long step starts. */
    public RegionPackBuilder(Path source, Path data, Consumer<String> progress) {
        this.source = source;
        this.data = data;
        this.progress = progress;
    }

    public Output build() throws IOException {
        List<String> report = new ArrayList<>();
        RegionSource curated = new RegionSource(source);
        RegionSource.Common common = curated.common();
        RegionSource.Region spbSource = curated.region("spb", SPB_CATEGORY_COLUMNS, true, false);
        RegionSource.Region kurskSource = curated.region("kursk", KURSK_CATEGORY_COLUMNS, false, true);
        TextNormalizer normalizer = new TextNormalizer();
        report.add("Attribution: " + spbSource.settings().attribution());
        SpbPack.Built spb = new SpbPack(new PackParts.Inputs(common, spbSource, data, normalizer, report::add,
                progress)).build();
        KurskPack.Built kursk = new KurskPack(new PackParts.Inputs(common, kurskSource, data, normalizer,
                report::add, progress)).build(spb, spbSource.settings());
        Map<String, String> files = new LinkedHashMap<>(spb.files());
        files.putAll(kursk.files());
        files.put("README.md", readme(common, spbSource.settings(), spb, kursk));
        return new Output(files, List.copyOf(report));
    }

    private static String readme(RegionSource.Common common, RegionSource.Settings spbSettings, SpbPack.Built spb,
                                 KurskPack.Built kursk) {
        List<Double> distances = spb.mismatchDistances();
        String mismatchNote = distances.isEmpty() ? "" : distances.size()
                + " rows disagree; the median distance from such a point to the polygon named in the data is "
                + PackJson.fixed(SpbPack.median(distances), 0) + " m and " + SpbPack.within(distances, 100)
                + " of them lie within 100 m of it";
        Map<String, String> values = new LinkedHashMap<>();
        values.put("attribution", spbSettings.attribution());
        values.put("spbMunicipalities", Integer.toString(spb.municipalities()));
        values.put("spbCategories", Integer.toString(spb.categories()));
        values.put("spbAgreement", PackJson.fixed(100 * spb.agreement(), 2));
        values.put("spbAccuracy", PackJson.fixed(100 * spb.accuracy(), 1));
        values.put("spbMessagesPerDay", PackJson.fixed(spb.messagesPerDay(), 1));
        values.put("kurskMunicipalities", Integer.toString(kursk.municipalities()));
        values.put("kurskCategories", Integer.toString(kursk.categories()));
        values.put("kurskAccuracy", PackJson.fixed(100 * kursk.accuracy(), 1));
        values.put("kurskMessagesPerDay", PackJson.fixed(kursk.messagesPerDay(), 1));
        values.put("kurskLocated", PackJson.fixed(100 * kursk.located(), 0));
        values.put("mismatchNote", mismatchNote);
        values.put("mismatchPairs", String.join("\n", spb.mismatchPairs().stream()
                .map(pair -> "  - " + pair.getKey() + ": " + pair.getValue()).toList()));
        values.put("newNames", String.join("\n", spb.newNames()));
        return Template.fill(common.readmeTemplate(), values, "regions-source/common/readme-template.md");
    }
}

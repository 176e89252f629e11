package ru.tsur.pulse.tools.regionpack;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hand-curated input of the region packs, read from {@code regions-source/} (see its README): what
 * {@code common/} holds for every region and what a region's own folder adds. Plain data only — every
 * decision the builder takes from it is in the builder's code or, where the service takes it too, in the
 * service's own classes.
 */
final class RegionSource {

    /** What every region shares. */
    record Common(Map<Character, String> transliteration, Set<String> stopWords, List<String> stopPrefixes,
                  Map<String, String> templatePlaceholders, String readmeTemplate) {

        /** An ASCII id from a Russian name: transliterated, anything else a hyphen, hyphens collapsed and trimmed. */
        String slug(String text) {
            StringBuilder slug = new StringBuilder();
            for (char character : text.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
                String latin = transliteration.get(character);
                if (latin != null) {
                    slug.append(latin);
                } else if (character < 128 && Character.isLetterOrDigit(character)) {
                    slug.append(character);
                } else {
                    slug.append('-');
                }
            }
            return slug.toString().replaceAll("-+", "-").replaceAll("^-|-$", "");
        }
    }

    /** A region's {@code pack.json}: names, where its reference data lies, and its few numeric choices. */
    record Settings(String id, String name, String timeZone, String attribution, String boundaries,
                    String municipalityTable, String messages, long population, String populationSource,
                    int keywordMinimumDocuments, double keywordMinimumShareOfCategory) {

        /** The fewest messages of a category a stem must occur in: a floor, or a share of the category's size. */
        int minimumDocuments(int messagesInCategory) {
            return Math.max(keywordMinimumDocuments, (int) (keywordMinimumShareOfCategory * messagesInCategory));
        }
    }

    /** What one region's folder holds. */
    record Region(Settings settings, List<Map<String, String>> categories, Set<String> keywordDrop,
                  Map<String, List<String>> keywordSeed, Map<String, Map<String, List<String>>> demoTemplates,
                  String demoProfileSource, String demoStreetsSource,
                  Map<String, String> yoSpellings, Map<String, List<String>> extraAliases) {
    }

    /** The fewest templates a topic may have. */
    static final int FEWEST_TEMPLATES = 2;
    private static final Pattern TEMPLATE_PLACEHOLDER = Pattern.compile("\\{(\\w+)}", Pattern.UNICODE_CHARACTER_CLASS);

    private final Path folder;

    RegionSource(Path folder) {
        this.folder = folder;
    }

    Common common() throws IOException {
        SourceFiles files = new SourceFiles(folder.resolve("common"));
        Map<Character, String> transliteration = new LinkedHashMap<>();
        for (Map<String, String> row : files.table("transliteration.csv", List.of("letter", "latin"))) {
            if (row.get("letter").length() != 1) {
                throw new IOException(files.folder().resolve("transliteration.csv") + ": one letter per row, not «"
                        + row.get("letter") + "»");
            }
            transliteration.put(row.get("letter").charAt(0), row.get("latin"));
        }
        return new Common(Map.copyOf(transliteration), Set.copyOf(files.list("stop-words.txt")),
                List.copyOf(new LinkedHashSet<>(files.list("stop-prefixes.txt"))),
                files.stringsByKey("template-placeholders.json"), files.text("readme-template.md"));
    }

    /**
     * A region's folder. The optional files ({@code categories.csv} columns, {@code yo-spellings.csv},
     * {@code extra-aliases.json}) are what that region's kind of data needs; see the README.
     */
    Region region(String id, List<String> categoryColumns, boolean yoSpellings, boolean extraAliases)
            throws IOException {
        SourceFiles files = new SourceFiles(folder.resolve(id));
        JsonNode pack = files.json("pack.json");
        Settings settings = new Settings(required(pack, "id", files), required(pack, "name", files),
                required(pack, "timeZone", files), required(pack, "attribution", files),
                required(pack, "boundaries", files), pack.path("municipalityTable").asText(null),
                required(pack, "messages", files), pack.path("population").asLong(),
                required(pack, "populationSource", files), pack.path("keywordMinimumDocuments").asInt(),
                pack.path("keywordMinimumShareOfCategory").asDouble());
        if (!settings.id().equals(id)) {
            throw new IOException(files.folder().resolve("pack.json") + ": id must be " + id);
        }
        Map<String, String> yo = new LinkedHashMap<>();
        if (yoSpellings) {
            for (Map<String, String> row : files.table("yo-spellings.csv", List.of("without", "with"))) {
                yo.put(row.get("without"), row.get("with"));
            }
        }
        return new Region(settings, files.table("categories.csv", categoryColumns),
                Set.copyOf(files.list("keyword-drop.txt")), files.listsByKey("keyword-seed.json"),
                files.listsByKeyByKey("demo-templates.json"),
                String.join(" ", files.list("demo-profile-source.txt")),
                String.join(" ", files.list("demo-streets-source.txt")), yo,
                extraAliases ? files.listsByKey("extra-aliases.json") : Map.of());
    }

    /**
     * Stops the build when a template names a category the region lacks, a topic the demo profile does not list
     * under that category ({@code topics}: category id → the profile's topics), or a placeholder that is not
     * documented; when a topic has fewer than {@link #FEWEST_TEMPLATES} templates; or when none of a topic's
     * templates does without {@code {street}} (the demo writes those where a municipality has no streets).
     */
    static void checkTemplates(Map<String, Map<String, List<String>>> templates, Set<String> categoryIds,
                               Map<String, Set<String>> topics, Set<String> placeholders) {
        templates.forEach((category, byTopic) -> {
            if (!categoryIds.contains(category)) {
                throw new IllegalArgumentException("demo template category " + category + " is not in the region");
            }
            byTopic.forEach((topic, texts) -> {
                if (!topics.getOrDefault(category, Set.of()).contains(topic)) {
                    throw new IllegalArgumentException("demo template topic «" + topic + "» is not a topic of "
                            + category + " in the demo profile");
                }
                if (texts.size() < FEWEST_TEMPLATES) {
                    throw new IllegalArgumentException("demo template topic «" + topic + "» of " + category
                            + " has " + texts.size() + " template(s); at least " + FEWEST_TEMPLATES + " are needed");
                }
                if (texts.stream().allMatch(text -> text.contains("{street}"))) {
                    throw new IllegalArgumentException("every demo template of the topic «" + topic + "» of "
                            + category + " names a {street}; at least one must do without");
                }
                for (String text : texts) {
                    Matcher matcher = TEMPLATE_PLACEHOLDER.matcher(text);
                    while (matcher.find()) {
                        if (!placeholders.contains(matcher.group(1))) {
                            throw new IllegalArgumentException("unknown placeholder {" + matcher.group(1) + "} in «"
                                    + text + "»");
                        }
                    }
                }
            });
        });
    }

    private static String required(JsonNode pack, String field, SourceFiles files) throws IOException {
        JsonNode value = pack.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new IOException(files.folder().resolve("pack.json") + ": \"" + field + "\" is required");
        }
        return value.asText();
    }
}

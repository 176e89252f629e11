package ru.tsur.pulse.tools.regionpack;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills the curated text templates of {@code regions-source/} (the packs' README, the demo profiles'
 * {@code source} sentence): each {@code ${name}} is replaced by its value. A placeholder without a value, or a
 * value no placeholder uses, stops the build naming the template, so an edit to a template cannot silently
 * drop or misname a figure. Any other text, braces included, is kept as written.
 */
final class Template {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9]*)}");

    private Template() {
    }

    static String fill(String template, Map<String, String> values, String templateName) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder filled = new StringBuilder(template.length() + 256);
        Set<String> used = new HashSet<>();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = values.get(name);
            if (value == null) {
                throw new IllegalArgumentException(templateName + ": no value for ${" + name + "}");
            }
            used.add(name);
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(filled);
        Set<String> unused = new HashSet<>(values.keySet());
        unused.removeAll(used);
        if (!unused.isEmpty()) {
            throw new IllegalArgumentException(templateName + ": no placeholder for " + unused.stream().sorted().toList());
        }
        return filled.toString();
    }
}

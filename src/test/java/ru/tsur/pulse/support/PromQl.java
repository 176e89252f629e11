package ru.tsur.pulse.support;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the metric names a PromQL expression reads, so tests can check dashboards and alert rules against
 * a real scrape. Not a parser: it removes what cannot be a metric name (strings, label matchers, range
 * and subquery brackets, grouping label lists, Grafana variables, numbers and durations), then keeps the
 * identifiers that are neither functions (followed by a parenthesis) nor PromQL keywords.
 */
public final class PromQl {

    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
    private static final Pattern GROUPING = Pattern.compile(
            "\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?\\w+}?");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w:])\\d+(?:\\.\\d+)?(?:e[+-]?\\d+)?(?:ms|s|m|h|d|w|y)?\\b");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
            "and", "or", "unless", "bool", "offset", "inf", "nan", "atan2", "start", "end");

    private PromQl() {
    }

    /** The metric names the expression selects, in order of appearance. */
    public static Set<String> metricNames(String expression) {
        String text = STRING.matcher(expression).replaceAll(" ");
        text = MATCHERS.matcher(text).replaceAll(" ");
        text = RANGE.matcher(text).replaceAll(" ");
        text = GROUPING.matcher(text).replaceAll(" ");
        text = VARIABLE.matcher(text).replaceAll(" ");
        text = NUMBER.matcher(text).replaceAll(" ");
        Set<String> names = new LinkedHashSet<>();
        Matcher identifier = IDENTIFIER.matcher(text);
        while (identifier.find()) {
            String name = identifier.group();
            if (KEYWORDS.contains(name.toLowerCase(java.util.Locale.ROOT)) || followedByParenthesis(text, identifier.end())) {
                continue;
            }
            names.add(name);
        }
        return names;
    }

    private static boolean followedByParenthesis(String text, int from) {
        int index = from;
        while (index < text.length() && Character.isWhitespace(text.charAt(index))) {
            index++;
        }
        return index < text.length() && text.charAt(index) == '(';
    }

    /**
     * The family a sample name belongs to: histogram and summary samples ({@code _bucket}, {@code _count},
     * {@code _sum}) map to their base name, anything else to itself.
     */
    public static String family(String sampleName) {
        for (String suffix : new String[] {"_bucket", "_count", "_sum"}) {
            if (sampleName.endsWith(suffix)) {
                return sampleName.substring(0, sampleName.length() - suffix.length());
            }
        }
        return sampleName;
    }
}

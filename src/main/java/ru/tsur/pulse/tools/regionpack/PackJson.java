package ru.tsur.pulse.tools.regionpack;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * Writes the region packs' JSON byte for byte in one fixed layout, so that the same input always gives the
 * same files and a diff shows only what changed: keys in the order the builder put them, one space of indent
 * per level ({@link #pretty}) or no white space at all ({@link #compact}, the boundaries), non-ASCII text
 * as is, and decimals in their shortest exact form ({@code 0.0123}, {@code 1.0}, {@code 5e-05}) after
 * rounding half-even to a fixed number of places ({@link #round}). The layout is the one the packs have
 * had since the first build, so regenerating them changes no byte that the data did not change.
 *
 * <p>Values: {@link Map} (ordered), {@link List}, {@link String}, {@link Integer}/{@link Long} (whole
 * numbers), {@link Double} (decimals), {@link Boolean} and null.
 */
final class PackJson {

    private PackJson() {
    }

    /** Indented by one space per level, items one per line, {@code "key": value}; ends with a line break. */
    static String pretty(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value, 0, true);
        return out.append('\n').toString();
    }

    /** No white space between tokens; ends with a line break. */
    static String compact(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value, 0, false);
        return out.append('\n').toString();
    }

    /** The value rounded half-even to {@code places} decimal places (on its exact binary value). */
    static double round(double value, int places) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("Not a finite number: " + value);
        }
        double rounded = new BigDecimal(value).setScale(places, RoundingMode.HALF_EVEN).doubleValue();
        return rounded == 0 && (value < 0 || Double.compare(value, -0.0) == 0) ? -0.0 : rounded;
    }

    /** The value with exactly {@code places} decimals, rounded half-even (for the README's figures). */
    static String fixed(double value, int places) {
        return new BigDecimal(value).setScale(places, RoundingMode.HALF_EVEN).toPlainString();
    }

    /**
     * The shortest decimal that reads back as exactly this double: plain notation with at least one
     * decimal ({@code 30.12345}, {@code 1.0}) from 1e-4 up to 1e16, else {@code 5e-05} / {@code 1e+16}.
     */
    static String decimal(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("Not a finite number: " + value);
        }
        if (value == 0) {
            return Double.compare(value, -0.0) == 0 ? "-0.0" : "0.0";
        }
        // Double.toString always reads back, but before Java 19 it may carry a digit too many; a shorter
        // rounding of the exact value that still reads back is then the shortest (if p digits read back, so do p + 1).
        BigDecimal shortest = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        BigDecimal exact = null;
        for (int digits = shortest.precision() - 1; digits >= 1; digits--) {
            exact = exact == null ? new BigDecimal(value) : exact;
            BigDecimal candidate = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() != value) {
                break;
            }
            shortest = candidate.stripTrailingZeros();
        }
        String digits = shortest.unscaledValue().abs().toString();
        int pointPosition = digits.length() - shortest.scale(); // the decimal point sits after this many digits
        String sign = value < 0 ? "-" : "";
        if (pointPosition < -3 || pointPosition > 16) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            int exponent = pointPosition - 1;
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
        }
        if (pointPosition <= 0) {
            return sign + "0." + "0".repeat(-pointPosition) + digits;
        }
        if (pointPosition >= digits.length()) {
            return sign + digits + "0".repeat(pointPosition - digits.length()) + ".0";
        }
        return sign + digits.substring(0, pointPosition) + "." + digits.substring(pointPosition);
    }

    private static void write(StringBuilder out, Object value, int depth, boolean pretty) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String text) {
            string(out, text);
        } else if (value instanceof Double number) {
            out.append(decimal(number));
        } else if (value instanceof Integer || value instanceof Long) {
            out.append(value);
        } else if (value instanceof Boolean flag) {
            out.append(flag ? "true" : "false");
        } else if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                separator(out, first, depth + 1, pretty);
                first = false;
                string(out, (String) entry.getKey());
                out.append(pretty ? ": " : ":");
                write(out, entry.getValue(), depth + 1, pretty);
            }
            close(out, depth, pretty);
            out.append('}');
        } else if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append('[');
            boolean first = true;
            for (Object item : list) {
                separator(out, first, depth + 1, pretty);
                first = false;
                write(out, item, depth + 1, pretty);
            }
            close(out, depth, pretty);
            out.append(']');
        } else {
            throw new IllegalArgumentException("Cannot write " + value.getClass().getName() + " as JSON");
        }
    }

    private static void separator(StringBuilder out, boolean first, int depth, boolean pretty) {
        if (!first) {
            out.append(',');
        }
        if (pretty) {
            out.append('\n').append(" ".repeat(depth));
        }
    }

    private static void close(StringBuilder out, int depth, boolean pretty) {
        if (pretty) {
            out.append('\n').append(" ".repeat(depth));
        }
    }

    private static void string(StringBuilder out, String text) {
        out.append('"');
        for (int index = 0; index < text.length(); index++) {
            char character = text.charAt(index);
            switch (character) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (character < 0x20) {
                        out.append(String.format("\\u%04x", (int) character));
                    } else {
                        out.append(character);
                    }
                }
            }
        }
        out.append('"');
    }
}

package ru.tsur.pulse.alerts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Identity and grouping of alerts by their labels, as Alertmanager does it: the fingerprint is a hash of
 * the kind and the labels sorted by name (so the order a producer lists them in does not matter), and a
 * group key names the values of the labels an alert is grouped by.
 */
public final class AlertLabels {

    private static final int FINGERPRINT_BYTES = 12;

    private AlertLabels() {
    }

    /**
     * A stable id: the first 12 bytes of SHA-256 over {@code kind} and each {@code name=value} in name order,
     * as 24 lower-case hex digits. Labels with a null or empty value are left out, so "no executor" and an
     * absent executor are the same alert.
     */
    public static String fingerprint(String kind, Map<String, String> labels) {
        StringBuilder canonical = new StringBuilder("kind=").append(kind);
        for (Map.Entry<String, String> label : new TreeMap<>(labels).entrySet()) {
            if (label.getValue() == null || label.getValue().isEmpty() || label.getKey().equals("kind")) {
                continue;
            }
            canonical.append('\u0000').append(label.getKey()).append('=').append(label.getValue());
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, FINGERPRINT_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    /** Whether {@code id} has the form of a {@link #fingerprint}: 24 lower-case hex digits. */
    public static boolean isFingerprint(String id) {
        if (id == null || id.length() != FINGERPRINT_BYTES * 2) {
            return false;
        }
        for (int index = 0; index < id.length(); index++) {
            char digit = id.charAt(index);
            if (!(digit >= '0' && digit <= '9' || digit >= 'a' && digit <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /**
     * The group key of an alert grouped by the given labels, in the order given:
     * {@code deadline:executor=Жилкомсервис,municipality=spb-kolpino}; a missing label reads as empty.
     */
    public static String groupKey(String kind, Map<String, String> labels, List<String> groupBy) {
        StringBuilder key = new StringBuilder(kind).append(':');
        for (int index = 0; index < groupBy.size(); index++) {
            String name = groupBy.get(index);
            String value = labels.get(name);
            key.append(index == 0 ? "" : ",").append(name).append('=').append(value == null ? "" : value);
        }
        return key.toString();
    }

    /** The labels a group's own (parent) alert carries: only the grouping labels of a child. */
    public static Map<String, String> groupLabels(Map<String, String> labels, List<String> groupBy) {
        Map<String, String> group = new TreeMap<>();
        for (String name : groupBy) {
            String value = labels.get(name);
            if (value != null && !value.isEmpty()) {
                group.put(name, value);
            }
        }
        return group;
    }
}

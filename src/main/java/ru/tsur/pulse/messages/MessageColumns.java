package ru.tsur.pulse.messages;

import ru.tsur.pulse.domain.IncomingMessage;
import ru.tsur.pulse.domain.PreparedMessage;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A batch of decided messages as the {@code message} table's insert takes it: one array per column, in the
 * order of {@link #NAMES}, for an {@code INSERT … SELECT unnest(…)}. One mapping for the service's insert
 * ({@link MessageRepository}) and the bulk import of past messages (tools/history), so both store a message
 * alike.
 */
public final class MessageColumns {

    /** The columns, in the order of {@link #of}'s arrays. */
    public static final List<String> NAMES = List.of("source", "external_id", "created_at", "text", "text_normalized",
            "lat", "lon", "address", "municipality_hint", "source_category", "topic", "author", "municipality_id",
            "locate_method", "category_id", "classify_method", "classify_confidence", "display_text", "executor",
            "deadline_class", "route_rule", "triage");

    private MessageColumns() {
    }

    /** One array per column of {@link #NAMES}: text as String[], coordinates and confidence as Double[], time as
     * OffsetDateTime[] (UTC), triage as Boolean[]. */
    public static List<Object[]> of(List<PreparedMessage> batch) {
        int size = batch.size();
        String[] sources = new String[size];
        String[] externalIds = new String[size];
        OffsetDateTime[] createdAt = new OffsetDateTime[size];
        String[] texts = new String[size];
        String[] normalized = new String[size];
        Double[] lats = new Double[size];
        Double[] lons = new Double[size];
        String[] addresses = new String[size];
        String[] hints = new String[size];
        String[] sourceCategories = new String[size];
        String[] topics = new String[size];
        String[] authors = new String[size];
        String[] municipalities = new String[size];
        String[] locateMethods = new String[size];
        String[] categories = new String[size];
        String[] classifyMethods = new String[size];
        Double[] confidences = new Double[size];
        String[] displayTexts = new String[size];
        String[] executors = new String[size];
        String[] deadlineClasses = new String[size];
        String[] routeRules = new String[size];
        Boolean[] triage = new Boolean[size];
        for (int index = 0; index < size; index++) {
            PreparedMessage message = batch.get(index);
            IncomingMessage incoming = message.incoming();
            sources[index] = incoming.source();
            externalIds[index] = incoming.externalId();
            createdAt[index] = OffsetDateTime.ofInstant(incoming.createdAt(), ZoneOffset.UTC);
            texts[index] = incoming.text();
            normalized[index] = message.normalizedText();
            lats[index] = incoming.lat();
            lons[index] = incoming.lon();
            addresses[index] = incoming.address();
            hints[index] = incoming.municipalityHint();
            sourceCategories[index] = incoming.category();
            topics[index] = message.classification().topic();
            authors[index] = incoming.author();
            municipalities[index] = message.location().municipalityId();
            locateMethods[index] = message.location().method();
            categories[index] = message.classification().categoryId();
            classifyMethods[index] = message.classification().method();
            confidences[index] = message.classification().confidence();
            displayTexts[index] = message.displayText();
            executors[index] = message.route() == null ? null : message.route().executor();
            deadlineClasses[index] = message.route() == null ? null : message.route().deadlineClass();
            routeRules[index] = message.route() == null ? null : message.route().rule();
            triage[index] = message.classification().triage();
        }
        return List.of(sources, externalIds, createdAt, texts, normalized, lats, lons, addresses, hints,
                sourceCategories, topics, authors, municipalities, locateMethods, categories, classifyMethods,
                confidences, displayTexts, executors, deadlineClasses, routeRules, triage);
    }
}

package ru.tsur.pulse.tools.training;

import java.time.LocalDateTime;

/**
 * One labelled message read from a shared data file, in either format (Kursk: text, topic, executor,
 * category code; St Petersburg: text, category name, reason, executor_org, point, municipality, time), or an
 * operator's correction ({@link CorrectionExamples}: masked text, the corrected labels and the municipality id
 * the service placed it in). Absent values are null.
 *
 * @param municipality   the municipality's name as the data file spells it
 * @param municipalityId the region pack's municipality id where the service placed the message, when known
 *                       (corrections); training then takes it instead of locating the message again
 */
public record LabelledMessage(String id, String text, String category, String topic, String executor,
                              Double lat, Double lon, String municipality, String district,
                              LocalDateTime createdAt, String municipalityId) {
}

package ru.tsur.pulse.cases.api;

import java.util.List;

/**
 * Answer of {@code GET /api/v1/cases/repeat-rate}: per municipality, topic or executor ({@code by}), the
 * cases opened in the last {@code days} and how many of them were repeats of a problem resolved shortly
 * before — the KPI a control room is judged by.
 */
public record RepeatRate(String by, int days, List<RepeatRateLine> items) {
}

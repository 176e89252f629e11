package ru.tsur.pulse.cases.api;

import ru.tsur.pulse.cases.ProblemCase;

import java.util.List;

/** Answer of {@code GET /api/v1/cases}: one page of cases, newest first, and how many match in all. */
public record CasePage(int page, int size, long total, List<ProblemCase> items) {
}

package ru.tsur.pulse.console.cases;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The filters of the console's case list as they travel in its address ({@code /console/cases?overdue=true}),
 * and the saved views: named links with a filter preset. Null or false fields do not filter; {@code page}
 * counts from 0 here and from 1 in the address. {@code risk}:
 * open, not yet overdue, past 80% of a term in working time; {@code flagged}: the answer has quality flags.
 */
public record CaseQuery(String status, String executor, String municipality, boolean overdue, boolean repeat,
                        boolean risk, boolean flagged, int page) {

    /** A saved view: its title and its preset. */
    public record View(String title, CaseQuery query) {
    }

    public static final CaseQuery ALL = new CaseQuery(null, null, null, false, false, false, false, 0);

    /** The saved views, in the order the page lists them. */
    public static final List<View> VIEWS = List.of(
            new View("Все", ALL),
            new View("Просроченные", new CaseQuery(null, null, null, true, false, false, false, 0)),
            new View("Срок на исходе (> 80%)", new CaseQuery(null, null, null, false, false, true, false, 0)),
            new View("Повторные", new CaseQuery(null, null, null, false, true, false, false, 0)),
            new View("Ответы с замечаниями", new CaseQuery(null, null, null, false, false, false, true, 0)),
            new View("Отклонённые, ждут переназначения", new CaseQuery("rejected", null, null, false, false, false, false, 0)));

    /** The same filters on another page. */
    public CaseQuery onPage(int number) {
        return new CaseQuery(status, executor, municipality, overdue, repeat, risk, flagged, number);
    }

    /** The address of the list with these filters: {@code /console/cases?status=rejected&page=2}. */
    public String href() {
        List<String> parts = new ArrayList<>();
        add(parts, "status", status);
        add(parts, "executor", executor);
        add(parts, "municipality", municipality);
        add(parts, "overdue", overdue ? "true" : null);
        add(parts, "repeat", repeat ? "true" : null);
        add(parts, "risk", risk ? "true" : null);
        add(parts, "flagged", flagged ? "true" : null);
        add(parts, "page", page > 0 ? Integer.toString(page + 1) : null);
        return "/console/cases" + (parts.isEmpty() ? "" : "?" + String.join("&", parts));
    }

    private static void add(List<String> parts, String name, String value) {
        if (value != null && !value.isEmpty()) {
            parts.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }
}

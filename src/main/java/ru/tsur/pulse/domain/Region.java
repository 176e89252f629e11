package ru.tsur.pulse.domain;

import java.util.List;

/**
 * The region pack's metadata: its taxonomy and municipalities (geometry is kept by the locator).
 */
public record Region(String id, String name, String timeZone, String attribution, List<Category> categories,
                     List<Municipality> municipalities) {
}

package ru.tsur.pulse.domain;

/**
 * One cell of the heat map: a municipality × category pair with its count in some window.
 */
public record CountedCell(String municipalityId, String categoryId, long count) {
}

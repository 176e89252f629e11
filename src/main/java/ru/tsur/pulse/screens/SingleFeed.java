package ru.tsur.pulse.screens;

/** The subscription of a stream that has one feed for every screen (alerts, the live feed): nothing to choose. */
public enum SingleFeed {
    ALL
}

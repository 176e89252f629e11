package ru.tsur.pulse.prevention.measures;

import java.time.Instant;

/** Messages of one address and point on one day of a measure's window, before they are keyed to a place. */
public record AddressDay(String address, Double latitude, Double longitude, String municipality, Instant day,
                         long messages) {
}

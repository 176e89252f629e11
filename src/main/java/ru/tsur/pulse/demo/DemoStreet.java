package ru.tsur.pulse.demo;

/**
 * A real street of one municipality and a representative point on it, derived by the region-pack builder from
 * the addresses and points of the region's real messages ({@code demo-streets.json}): the demo names the street
 * in a text or a hotline address and puts a portal message's point near it, so the street and the point agree
 * with the municipality the message is placed in.
 *
 * @param name the street as residents write it («Тамбовская ул.», «пр. Ветеранов»)
 * @param lat  latitude of the point (WGS84), inside the municipality's boundary
 * @param lon  longitude of the point (WGS84)
 */
public record DemoStreet(String name, double lat, double lon) {
}

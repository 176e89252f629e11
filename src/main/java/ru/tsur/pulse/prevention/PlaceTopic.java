package ru.tsur.pulse.prevention;

/**
 * The unit of the chronic-places register: a place × a topic, or × the category when a message has no topic
 * (a building's icicles and its entrance's dirt are two chronic problems, not one).
 */
public record PlaceTopic(String placeKey, String topic) {

    /** The place × topic of a message: its topic, else its category. */
    public static PlaceTopic of(PlaceMessage message) {
        return new PlaceTopic(message.place().key(), message.topic() != null ? message.topic() : message.category());
    }
}

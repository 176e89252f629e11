package ru.tsur.pulse.screens;

import io.quarkus.websockets.next.WebSocketConnection;
import ru.tsur.pulse.access.ScreenScope;

/**
 * A stream screens subscribe to (the heat map, alerts, the live feed), as its socket sees it: it opens a
 * screen (possibly after a first read of its picture) and owns the hub the socket asks for the screen.
 *
 * @param <S> what a screen of this stream subscribes to
 */
public interface ScreenStream<S> {

    /** Registers a screen; its first frame is a snapshot of {@code subscription} as {@code scope} may see it. */
    void open(WebSocketConnection connection, S subscription, ScreenScope scope);

    /** The stream's screens. */
    ScreenHub<S> hub();
}

package ru.tsur.pulse.screens;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.WebSocketConnection;
import ru.tsur.pulse.access.SocketExpiry;

import java.util.Optional;

/** The socket of a stream with one feed (alerts, the live feed): every screen subscribes to it on connect. */
public abstract class SingleFeedSocket extends ScreenSocket<SingleFeed> {

    protected SingleFeedSocket(ScreenStream<SingleFeed> stream, SecurityIdentity identity, SocketExpiry expiry,
                               ObjectMapper json) {
        super(stream, identity, expiry, json);
    }

    @Override
    protected Optional<SingleFeed> requested(WebSocketConnection connection) {
        return Optional.of(SingleFeed.ALL);
    }
}

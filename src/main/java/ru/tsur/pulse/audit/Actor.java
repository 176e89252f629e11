package ru.tsur.pulse.audit;

import java.util.List;
import java.util.Objects;

/**
 * Who did something and from where, as the audit trail records it: a user (its name and roles), a source
 * system (its API key id), or the service itself (a system actor such as {@code deadline-watcher}, with no
 * roles and no address). Resources build it from the request's identity; it is never read from a body.
 *
 * @param subject       user name, key id or system actor name
 * @param roles         the roles the subject acted with (empty for system actors)
 * @param keyId         the API key used, when the subject is a source system
 * @param remoteAddress the client's address, when the act came over the network
 */
public record Actor(String subject, List<String> roles, String keyId, String remoteAddress) {

    public Actor {
        Objects.requireNonNull(subject, "subject");
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    /** A person or a source system acting through a request. */
    public static Actor of(ru.tsur.pulse.access.Caller caller) {
        return new Actor(caller.actor(), caller.roles().stream().sorted().toList(), caller.keyId(), caller.remoteAddress());
    }

    /** The service acting on its own (a watcher, a job): named, without roles or address. */
    public static Actor system(String name) {
        return new Actor(name, List.of(), null, null);
    }
}

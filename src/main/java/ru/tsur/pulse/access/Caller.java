package ru.tsur.pulse.access;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling, as the service needs it: a name for the audit trail and for the events a move leaves
 * (never taken from a request body), the roles, and the scopes that narrow what a role sees — the
 * executors an executor acts for, the municipalities an official or a wall may see, the sources an API key
 * may post as. Made once per request from the {@link SecurityIdentity} Quarkus established.
 *
 * @param name           the preferred user name, the API key's id, or the principal's name
 * @param roles          the roles granted
 * @param executors      the {@code executor} claim (empty when absent)
 * @param municipalities the {@code municipality} claim (empty when absent)
 * @param keyId          the API key's id when the caller is a source system, else null
 * @param sources        the sources an API key may post as (empty for people)
 * @param remoteAddress  where the request came from (for the audit trail), or null outside a request
 */
public record Caller(String name, Set<String> roles, Set<String> executors, Set<String> municipalities, String keyId,
                     Set<String> sources, String remoteAddress) {

    /** Identity attribute carrying an API key's id (set by the API key mechanism). */
    public static final String KEY_ID_ATTRIBUTE = "pulse.key-id";
    /** Identity attribute carrying the sources an API key may post as. */
    public static final String SOURCES_ATTRIBUTE = "pulse.key-sources";

    public static Caller of(SecurityIdentity identity) {
        return of(identity, null);
    }

    public static Caller of(SecurityIdentity identity, String remoteAddress) {
        if (identity == null || identity.isAnonymous()) {
            return new Caller("anonymous", Set.of(), Set.of(), Set.of(), null, Set.of(), remoteAddress);
        }
        String name = identity.getPrincipal().getName();
        Set<String> executors = Set.of();
        Set<String> municipalities = Set.of();
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            Object preferred = token.getClaim("preferred_username");
            if (preferred != null) {
                name = unquote(preferred.toString());
            }
            executors = claimValues(token.getClaim(Roles.EXECUTOR_CLAIM));
            municipalities = claimValues(token.getClaim(Roles.MUNICIPALITY_CLAIM));
        }
        String keyId = identity.getAttribute(KEY_ID_ATTRIBUTE);
        Set<String> sources = identity.getAttribute(SOURCES_ATTRIBUTE);
        return new Caller(name, Set.copyOf(identity.getRoles()), executors, municipalities, keyId,
                sources == null ? Set.of() : Set.copyOf(sources), remoteAddress);
    }

    /** A named actor with the given roles and no scopes: the service's own jobs, and tests acting without a request. */
    public static Caller named(String name, String... roles) {
        return new Caller(name, Set.of(roles), Set.of(), Set.of(), null, Set.of(), null);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    /** Operators and admins see and act on everything; nobody else is unrestricted. */
    public boolean unrestricted() {
        return has(Roles.OPERATOR) || has(Roles.ADMIN);
    }

    /**
     * The executors whose cases alone this caller may see, when it is restricted to some: an executor
     * without operator rights. Empty means "no restriction"; an executor whose token names no executor sees
     * nothing (a set holding nothing that can match).
     */
    public Optional<Set<String>> executorScope() {
        if (unrestricted() || !has(Roles.EXECUTOR)) {
            return Optional.empty();
        }
        return Optional.of(executors);
    }

    /** The municipalities this caller alone may see, when an official's (or a wall's) token names some. */
    public Optional<Set<String>> municipalityScope() {
        if (unrestricted() || municipalities.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(municipalities);
    }

    /** Whether the caller may see what concerns this municipality (always, unless its token names others). */
    public boolean sees(String municipality) {
        return municipalityScope().map(scope -> municipality != null && scope.contains(municipality)).orElse(true);
    }

    /** How the caller is written in case events and alerts: the user name, or {@code key:<id>} for a source system. */
    public String actor() {
        return keyId != null ? "key:" + keyId : name;
    }

    private static Set<String> claimValues(Object claim) {
        Set<String> values = new LinkedHashSet<>();
        if (claim instanceof Collection<?> many) {
            many.forEach(value -> values.add(unquote(value.toString())));
        } else if (claim != null) {
            values.add(unquote(claim.toString()));
        }
        values.removeIf(String::isBlank);
        return Set.copyOf(values);
    }

    /** JSON-P string values print with their quotes. */
    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
    }
}

package ru.tsur.pulse.access;

/**
 * The roles of TSUR Pulse, as the identity provider grants them (realm roles in Keycloak) and as every
 * resource and socket names them in {@code @RolesAllowed}: who may do what is read from these names only.
 * <ul>
 *   <li>{@link #OPERATOR} — the control room: reads everything, acts on any case and alert, may enter messages
 *   taken by phone;</li>
 *   <li>{@link #EXECUTOR} — a body that fixes problems, bound by the token claim {@code executor} to one or more
 *   executor names: its own cases only;</li>
 *   <li>{@link #OFFICIAL} — read-only dashboards, optionally bound by the claim {@code municipality};</li>
 *   <li>{@link #WALL} — read-only screens (kiosk login);</li>
 *   <li>{@link #ADMIN} — the service itself: counters, keys, audit;</li>
 *   <li>{@link #METRICS} — Prometheus;</li>
 *   <li>{@link #SOURCE} — a source system posting messages with an API key, bound to the sources of its key.</li>
 * </ul>
 */
public final class Roles {

    public static final String OPERATOR = "operator";
    public static final String EXECUTOR = "executor";
    public static final String OFFICIAL = "official";
    public static final String WALL = "wall";
    public static final String ADMIN = "admin";
    public static final String METRICS = "metrics";
    public static final String SOURCE = "source";

    /** The claim binding an executor to the executor names it acts for. */
    public static final String EXECUTOR_CLAIM = "executor";
    /** The claim binding an official (or a wall) to municipality ids. */
    public static final String MUNICIPALITY_CLAIM = "municipality";

    private Roles() {
    }
}

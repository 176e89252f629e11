package ru.tsur.pulse.prevention.incidents;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * Tunables of the incident watcher (prefix {@code pulse.prevention.incidents}). The finder's defaults are the
 * ones {@code scripts/evaluate-incidents.sh} was measured with on the St Petersburg data (README, «Incidents
 * with one root cause»).
 */
@ConfigMapping(prefix = "pulse.prevention.incidents")
public interface IncidentsConfig {

    /** Whether the watcher runs (incidents found, stored and alerted). */
    @WithDefault("true")
    boolean enabled();

    /** How often the replica holding the watcher's lease looks for incidents. */
    @WithDefault("1m")
    Duration interval();

    /** How far back a sweep looks for an incident's messages; an incident quiet for longer stops firing. */
    @WithDefault("48h")
    Duration window();

    /** Two messages farther apart (metres) are never neighbours. */
    @WithDefault("400")
    double linkMetres();

    /** Two messages farther apart in time (hours) are never neighbours. */
    @WithDefault("12")
    double linkHours();

    /** Distinct places (buildings, else ~150 m cells) an incident needs. */
    @WithDefault("3")
    int minPlaces();

    /** An incident's Poisson p-value against its topic's background is below this. */
    @WithDefault("0.001")
    double alpha();

    /** Days before a group whose messages of its topic give its expected count. */
    @WithDefault("28")
    int backgroundDays();

    /** An incident with at least this many places is raised as critical, below it as a warning. */
    @WithDefault("8")
    int criticalPlaces();

    /**
     * Whether incidents of no determined cause class (graffiti or litter at several buildings: one reporter's
     * walk, no shared network) raise alerts too; they are stored and listed either way.
     */
    @WithDefault("false")
    boolean alertUndetermined();

    /** The finder's settings from this configuration. */
    default IncidentFinder.Settings finderSettings() {
        return new IncidentFinder.Settings(linkMetres(), linkHours(), minPlaces(), alpha(), backgroundDays());
    }
}

package ru.tsur.pulse.keys;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import ru.tsur.pulse.audit.Actor;
import ru.tsur.pulse.audit.AuditEntry;
import ru.tsur.pulse.audit.AuditRepository;
import ru.tsur.pulse.problems.Problem;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * API keys of source systems: created (the key shown once), listed, revoked — each change with its audit row
 * in the same transaction — and checked on every request that presents one. Checking must keep up with
 * ingest at thousands of messages a second, so a lookup is cached for {@code pulse.keys.cache-ttl} (a revoke
 * empties this replica's entry at once; other replicas notice within that time) and {@code last_used_at} is
 * written in one batched statement per {@code pulse.keys.last-used-interval}, never on the request path.
 */
@ApplicationScoped
public class ApiKeys {

    private static final Logger LOG = Logger.getLogger(ApiKeys.class);
    private static final Pattern SOURCE = Pattern.compile(KeyFormat.SOURCE_PATTERN);

    private final KeyRepository repository;
    private final AuditRepository audit;
    private final KeysConfig config;
    private final Clock clock;
    private final ObjectMapper json;
    private final SecureRandom random = new SecureRandom();
    /** Ids looked up and not found, so a flood of made-up keys costs PostgreSQL one query per id and cache lifetime. */
    private final KeyCache<Boolean> unknown;
    private final KeyCache<KeyRepository.StoredKey> cache;
    private final Map<String, Instant> usedSinceFlush = new ConcurrentHashMap<>();

    public ApiKeys(KeyRepository repository, AuditRepository audit, KeysConfig config, Clock clock, ObjectMapper json) {
        this.repository = repository;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
        this.json = json;
        this.cache = new KeyCache<>(config.cacheTtl().toMillis(), config.cacheSize(), clock::millis);
        this.unknown = new KeyCache<>(config.cacheTtl().toMillis(), config.cacheSize(), clock::millis);
    }

    /**
     * Creates a key for {@code sources} (each must match the ingest's pattern for {@code source}), expiring at
     * {@code expiresAt} or, when null, after the default lifetime; the returned key text exists nowhere else.
     */
    public Uni<CreatedKey> create(String name, List<String> sources, Instant expiresAt, Actor by) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant expires = expiresAt == null ? now.plus(config.defaultLifetime()) : expiresAt.truncatedTo(ChronoUnit.MICROS);
        if (!expires.isAfter(now)) {
            throw Problem.invalid("expiresAt", "срок действия должен быть в будущем");
        }
        if (expires.isAfter(now.plus(config.maxLifetime()))) {
            throw Problem.invalid("expiresAt", "срок действия не дальше " + config.maxLifetime().toDays()
                    + " дней от создания");
        }
        for (int position = 0; position < sources.size(); position++) {
            String source = sources.get(position);
            if (source == null || !SOURCE.matcher(source).matches()) {
                throw Problem.invalid("sources[" + position + "]",
                        "источник — от 1 до 64 символов a-z, 0-9, _ . -, первый — буква или цифра");
            }
        }
        List<String> distinct = List.copyOf(new LinkedHashSet<>(sources));
        KeyFormat.NewKey fresh = KeyFormat.generate(random);
        return repository.inTransaction(transaction -> repository
                        .insert(transaction, fresh.id(), fresh.secretHash(), name.strip(), distinct, now, by.subject(), expires)
                        .call(created -> audit.append(transaction,
                                new AuditEntry(by, "key.create", target(created.id()), null, write(created)))))
                .map(created -> new CreatedKey(fresh.key(), created));
    }

    /** The newest keys first, at most {@code pulse.keys.max-listed}; never a hash or a secret. */
    public Uni<List<ApiKey>> list() {
        return repository.list(config.maxListed());
    }

    /**
     * Revokes a key: from now on this replica refuses it, the others within the cache time. Empty when there
     * is no such key; a key already revoked is returned as it is, with no second audit row.
     */
    public Uni<Optional<ApiKey>> revoke(String id, Actor by) {
        if (!KeyFormat.isId(id)) {
            return Uni.createFrom().item(Optional.empty());
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return repository.inTransaction(transaction -> repository.lock(transaction, id).chain(found -> {
            if (found.isEmpty() || found.get().revokedAt() != null) {
                return Uni.createFrom().item(found);
            }
            ApiKey before = found.get();
            return repository.revoke(transaction, id, now, by.subject()).call(revoked -> audit.append(transaction,
                    new AuditEntry(by, "key.revoke", target(id), write(before), write(revoked.orElseThrow()))));
        })).invoke(() -> cache.invalidate(id));
    }

    /**
     * Who presents this key: its identity when the key exists, its secret matches (compared in constant time)
     * and it is neither revoked nor expired; empty otherwise, whatever the reason (a caller learns nothing
     * about which part was wrong).
     */
    public Uni<Optional<KeyIdentity>> authenticate(String presented) {
        Optional<KeyFormat.PresentedKey> parsed = KeyFormat.parse(presented);
        if (parsed.isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        KeyFormat.PresentedKey key = parsed.get();
        if (unknown.get(key.id()).isPresent()) {
            // An id PostgreSQL did not know a moment ago: a flood of made-up keys must not query it every time.
            return Uni.createFrom().item(Optional.empty());
        }
        Optional<KeyRepository.StoredKey> cached = cache.get(key.id());
        Uni<Optional<KeyRepository.StoredKey>> stored = cached.isPresent() ? Uni.createFrom().item(cached) : lookup(key.id());
        return stored.map(found -> found
                .filter(candidate -> candidate.key().activeAt(clock.instant()))
                .filter(candidate -> KeyFormat.matches(key.secret(), candidate.secretHash()))
                .map(candidate -> {
                    usedSinceFlush.merge(candidate.key().id(), clock.instant().truncatedTo(ChronoUnit.MICROS),
                            (earlier, later) -> later.isAfter(earlier) ? later : earlier);
                    ApiKey good = candidate.key();
                    return new KeyIdentity(good.id(), good.name(), good.sources());
                }));
    }

    /** The periodic flush of {@code last_used_at}; a failure keeps the uses for the next one. */
    @Scheduled(every = "${pulse.keys.last-used-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> flushLastUsedNow() {
        return flushLastUsed().onFailure().recoverWithItem(failure -> {
            LOG.warnf("Writing last_used_at of API keys failed: %s", failure);
            return null;
        });
    }

    /** Writes the keys used since the last flush to {@code last_used_at}, in one statement. */
    Uni<Void> flushLastUsed() {
        Map<String, Instant> used = new HashMap<>();
        for (String id : new ArrayList<>(usedSinceFlush.keySet())) {
            Instant at = usedSinceFlush.remove(id);
            if (at != null) {
                used.put(id, at);
            }
        }
        return repository.touch(used).onFailure().invoke(() -> used.forEach((id, at) ->
                usedSinceFlush.merge(id, at, (later, earlier) -> later.isAfter(earlier) ? later : earlier)));
    }

    private Uni<Optional<KeyRepository.StoredKey>> lookup(String id) {
        long started = cache.lookupStarts();
        long unknownStarted = unknown.lookupStarts();
        return repository.lookup(id).invoke(found -> {
            found.filter(stored -> stored.key().revokedAt() == null).ifPresent(stored -> cache.put(id, stored, started));
            if (found.isEmpty()) {
                // Remembered for the cache's lifetime: a key made on another replica meanwhile waits at most that long.
                unknown.put(id, Boolean.TRUE, unknownStarted);
            }
        });
    }

    private static String target(String id) {
        return "key:" + id;
    }

    private String write(ApiKey key) {
        try {
            return json.writeValueAsString(key);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An API key record is plain JSON", e);
        }
    }
}

package ru.tsur.pulse.counters;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import ru.tsur.pulse.domain.CountedCell;
import ru.tsur.pulse.domain.Region;
import ru.tsur.pulse.messages.CountableMessage;
import ru.tsur.pulse.messages.CounterRebuildData;
import ru.tsur.pulse.problems.Outages;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Redis view of the counts: exactly-once increments (one Lua call per municipality per batch, all
 * calls of a batch in one pipeline), rolling-window reads and the full rewrite from PostgreSQL. Knows
 * the key layout ({@link CounterKeys}) and nothing about the pipeline. Every failure it passes on is
 * tagged as Redis's ({@link Outages#fromRedis}), so an outage is answered and logged as Redis's.
 */
@ApplicationScoped
public class CounterStore {

    private static final Logger LOG = Logger.getLogger(CounterStore.class);
    private static final int WRITE_PIPELINE = 500;

    private final Redis redis;
    private final CounterKeys keys;
    private final CounterScripts scripts = new CounterScripts();

    public CounterStore(Redis redis, CountersConfig config, Region region) {
        this.redis = redis;
        this.keys = new CounterKeys(config.keyPrefix(), region.id());
    }

    public static long epochMinute(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), 60);
    }

    /** Counts the messages (once each, whatever happened before); returns how many were new to Redis. */
    public Uni<Integer> count(List<CountableMessage> messages, Instant now) {
        if (messages.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        Map<String, List<CountableMessage>> byMunicipality = new LinkedHashMap<>();
        messages.forEach(message -> byMunicipality
                .computeIfAbsent(message.municipalityId(), key -> new ArrayList<>()).add(message));
        long nowMinute = epochMinute(now);
        List<List<String>> calls = new ArrayList<>(byMunicipality.size());
        byMunicipality.forEach((municipality, group) -> {
            List<String> arguments = new ArrayList<>(1 + group.size() * 3);
            arguments.add(Long.toString(nowMinute));
            for (CountableMessage message : group) {
                arguments.add(Long.toString(message.id()));
                arguments.add(message.categoryId());
                arguments.add(Long.toString(epochMinute(message.createdAt())));
            }
            calls.add(scriptCall(municipality, arguments));
        });
        return runScripts(scripts.count(), calls).onFailure().transform(Outages::fromRedis).map(responses -> {
            int counted = 0;
            for (Response response : responses) {
                counted += response.toInteger();
            }
            return counted;
        });
    }

    /** The rolling windows of the given municipalities, slid to {@code now}. */
    public Uni<List<WindowCounts>> readWindows(Collection<String> municipalityIds, Instant now) {
        List<String> ids = List.copyOf(municipalityIds);
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        String nowMinute = Long.toString(epochMinute(now));
        List<List<String>> calls = ids.stream().map(id -> scriptCall(id, List.of(nowMinute))).toList();
        return runScripts(scripts.read(), calls).onFailure().transform(Outages::fromRedis).map(responses -> {
            List<WindowCounts> counts = new ArrayList<>(ids.size());
            for (int index = 0; index < ids.size(); index++) {
                Response windows = responses.get(index);
                EnumMap<Window, Map<String, Long>> byWindow = new EnumMap<>(Window.class);
                Window[] order = Window.values();
                for (int window = 0; window < order.length; window++) {
                    byWindow.put(order[window], pairs(windows.get(window)));
                }
                counts.add(new WindowCounts(ids.get(index), byWindow));
            }
            return counts;
        });
    }

    /** All-time totals per cell of the given municipalities. */
    public Uni<List<CountedCell>> totals(Collection<String> municipalityIds) {
        List<String> ids = List.copyOf(municipalityIds);
        List<Request> requests = ids.stream()
                .map(id -> Request.cmd(Command.HGETALL).arg(keys.municipality(id) + "total")).toList();
        return redis.batch(requests).onFailure().transform(Outages::fromRedis).map(responses -> {
            List<CountedCell> cells = new ArrayList<>();
            for (int index = 0; index < ids.size(); index++) {
                String municipality = ids.get(index);
                pairs(responses.get(index)).forEach((category, count) ->
                        cells.add(new CountedCell(municipality, category, count)));
            }
            return cells;
        });
    }

    /** Whether the view was ever built in this Redis (a flushed or new Redis has no meta key). */
    public Uni<Boolean> isInitialised() {
        return redis.send(Request.cmd(Command.EXISTS).arg(keys.meta())).onFailure().transform(Outages::fromRedis)
                .map(response -> response.toInteger() == 1);
    }

    /**
     * Replaces the whole view with counts read from PostgreSQL: deletes every counter key of the region,
     * then writes totals, buckets (with their TTLs), windows and clocks as of {@code now}.
     */
    public Uni<Void> replaceAll(CounterRebuildData data, Collection<String> municipalityIds, Instant now) {
        long nowMinute = epochMinute(now);
        long nowHour = Math.floorDiv(nowMinute, 60);
        List<Request> writes = new ArrayList<>();
        Map<String, Map<String, Long>> windows = new HashMap<>();
        for (CountedCell cell : data.totals()) {
            writes.add(Request.cmd(Command.HSET).arg(keys.municipality(cell.municipalityId()) + "total")
                    .arg(cell.categoryId()).arg(cell.count()));
        }
        for (CounterRebuildData.Bucket bucket : data.minuteBuckets()) {
            if (bucket.bucket() <= nowMinute - 120) {
                continue;
            }
            String key = keys.municipality(bucket.municipalityId()) + "m:" + bucket.bucket();
            writes.add(Request.cmd(Command.HINCRBY).arg(key).arg(bucket.categoryId()).arg(bucket.count()));
            writes.add(Request.cmd(Command.EXPIREAT).arg(key).arg((bucket.bucket() + 121) * 60));
            if (bucket.bucket() > nowMinute - 60) {
                addToWindow(windows, bucket, "w:1h");
            }
        }
        for (CounterRebuildData.Bucket bucket : data.hourBuckets()) {
            if (bucket.bucket() <= nowHour - 192) {
                continue;
            }
            String key = keys.municipality(bucket.municipalityId()) + "h:" + bucket.bucket();
            writes.add(Request.cmd(Command.HINCRBY).arg(key).arg(bucket.categoryId()).arg(bucket.count()));
            writes.add(Request.cmd(Command.EXPIREAT).arg(key).arg((bucket.bucket() + 193) * 3600));
            if (bucket.bucket() > nowHour - 24) {
                addToWindow(windows, bucket, "w:24h");
            }
            if (bucket.bucket() > nowHour - 168) {
                addToWindow(windows, bucket, "w:7d");
            }
        }
        windows.forEach((key, counts) -> counts.forEach((category, count) ->
                writes.add(Request.cmd(Command.HSET).arg(key).arg(category).arg(count))));
        java.util.Set<String> clocked = new java.util.LinkedHashSet<>(municipalityIds);
        data.totals().forEach(cell -> clocked.add(cell.municipalityId()));
        clocked.forEach(id -> writes.add(Request.cmd(Command.HSET).arg(keys.municipality(id) + "clock")
                .arg("m").arg(nowMinute)));
        writes.add(Request.cmd(Command.HSET).arg(keys.meta()).arg("rebuiltAt").arg(now.toString()));
        return deleteAll().chain(() -> writeInChunks(writes)).onFailure().transform(Outages::fromRedis).invoke(() ->
                LOG.infof("Counter view rebuilt: %d cells, %d Redis writes", data.totals().size(), writes.size()));
    }

    private void addToWindow(Map<String, Map<String, Long>> windows, CounterRebuildData.Bucket bucket,
                             String window) {
        windows.computeIfAbsent(keys.municipality(bucket.municipalityId()) + window, key -> new HashMap<>())
                .merge(bucket.categoryId(), bucket.count(), Long::sum);
    }

    private Uni<Void> deleteAll() {
        return scanAndDelete("0");
    }

    private Uni<Void> scanAndDelete(String cursor) {
        return redis.send(Request.cmd(Command.SCAN).arg(cursor).arg("MATCH").arg(keys.allMunicipalitiesPattern())
                        .arg("COUNT").arg(1000))
                .chain(page -> {
                    String next = page.get(0).toString();
                    Response found = page.get(1);
                    Uni<Void> deleted = Uni.createFrom().voidItem();
                    if (found.size() > 0) {
                        Request delete = Request.cmd(Command.UNLINK);
                        for (int index = 0; index < found.size(); index++) {
                            delete.arg(found.get(index).toString());
                        }
                        deleted = redis.send(delete).replaceWithVoid();
                    }
                    return "0".equals(next) ? deleted : deleted.chain(() -> scanAndDelete(next));
                });
    }

    private Uni<Void> writeInChunks(List<Request> writes) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int from = 0; from < writes.size(); from += WRITE_PIPELINE) {
            List<Request> chunk = writes.subList(from, Math.min(writes.size(), from + WRITE_PIPELINE));
            chain = chain.chain(() -> redis.batch(chunk).replaceWithVoid());
        }
        return chain;
    }

    private List<String> scriptCall(String municipalityId, List<String> arguments) {
        List<String> call = new ArrayList<>(arguments.size() + 1);
        call.add(keys.municipality(municipalityId));
        call.addAll(arguments);
        return call;
    }

    /** Runs one script per call in a pipeline (EVALSHA, loading the script once if Redis lacks it). */
    private Uni<List<Response>> runScripts(CounterScripts.Script script, List<List<String>> calls) {
        return redis.batch(evalRequests(script, calls))
                .onFailure(failure -> String.valueOf(failure.getMessage()).contains("NOSCRIPT"))
                .recoverWithUni(() -> redis.send(Request.cmd(Command.SCRIPT).arg("LOAD").arg(script.source()))
                        .chain(() -> redis.batch(evalRequests(script, calls))));
    }

    private static List<Request> evalRequests(CounterScripts.Script script, List<List<String>> calls) {
        List<Request> requests = new ArrayList<>(calls.size());
        for (List<String> call : calls) {
            Request request = Request.cmd(Command.EVALSHA).arg(script.sha()).arg(1);
            call.forEach(request::arg);
            requests.add(request);
        }
        return requests;
    }

    /** A hash reply (flat field/value array in RESP2, a map in RESP3) as a map of longs. */
    static Map<String, Long> pairs(Response response) {
        Map<String, Long> map = new HashMap<>();
        if (response == null) {
            return map;
        }
        java.util.Set<String> mapKeys;
        try {
            mapKeys = response.getKeys();
        } catch (UnsupportedOperationException | ClassCastException notAMap) {
            mapKeys = null;
        }
        if (mapKeys != null && !mapKeys.isEmpty()) {
            mapKeys.forEach(key -> map.put(key, response.get(key).toLong()));
            return map;
        }
        for (int index = 0; index + 1 < response.size(); index += 2) {
            map.put(response.get(index).toString(), response.get(index + 1).toLong());
        }
        return map;
    }
}

package ru.tsur.pulse.pipeline;

import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AsyncMutexTest {

    private final AsyncMutex mutex = new AsyncMutex();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final ExecutorService completer = Executors.newFixedThreadPool(4);

    @AfterEach
    void stopCompleter() throws InterruptedException {
        completer.shutdownNow();
        assertThat(completer.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    /** An action that records its start and completes only when {@code gate} is completed (from elsewhere). */
    private Uni<String> gated(String name, CompletableFuture<String> gate) {
        return mutex.run(() -> {
            events.add("start " + name);
            return Uni.createFrom().completionStage(gate.thenApply(result -> {
                events.add("end " + name);
                return result;
            }));
        });
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(5, TimeUnit.SECONDS);
    }

    @Test
    void actionsRunOneAtATimeInSubmissionOrderWhenTheyCompleteOnAnotherThread() throws Exception {
        CompletableFuture<String> gate1 = new CompletableFuture<>();
        CompletableFuture<String> gate2 = new CompletableFuture<>();
        CompletableFuture<String> gate3 = new CompletableFuture<>();

        CompletableFuture<String> result1 = gated("1", gate1).subscribeAsCompletionStage();
        CompletableFuture<String> result2 = gated("2", gate2).subscribeAsCompletionStage();
        CompletableFuture<String> result3 = gated("3", gate3).subscribeAsCompletionStage();

        assertThat(events).containsExactly("start 1");

        // Completing a later action's work early does not let it start before its turn.
        gate3.complete("третий");
        gate2.complete("второй");
        assertThat(events).containsExactly("start 1");
        assertThat(result2).isNotDone();
        assertThat(result3).isNotDone();

        CompletableFuture.runAsync(() -> gate1.complete("первый"), completer);

        assertThat(await(result1)).isEqualTo("первый");
        assertThat(await(result2)).isEqualTo("второй");
        assertThat(await(result3)).isEqualTo("третий");
        assertThat(events).containsExactly("start 1", "end 1", "start 2", "end 2", "start 3", "end 3");
    }

    @Test
    void nextActionStartsOnlyAfterThePreviousCompletes() throws Exception {
        CompletableFuture<String> gate1 = new CompletableFuture<>();
        CompletableFuture<String> gate2 = new CompletableFuture<>();

        CompletableFuture<String> result1 = gated("1", gate1).subscribeAsCompletionStage();
        CompletableFuture<String> result2 = gated("2", gate2).subscribeAsCompletionStage();
        assertThat(events).containsExactly("start 1");

        CompletableFuture.runAsync(() -> gate1.complete("a"), completer).get(5, TimeUnit.SECONDS);
        assertThat(await(result1)).isEqualTo("a");
        assertThat(events).containsExactly("start 1", "end 1", "start 2");
        assertThat(result2).isNotDone();

        CompletableFuture.runAsync(() -> gate2.complete("b"), completer);
        assertThat(await(result2)).isEqualTo("b");
        assertThat(events).containsExactly("start 1", "end 1", "start 2", "end 2");
    }

    @Test
    void actionIsNotStartedUntilSubscribed() throws Exception {
        Uni<String> lazy = mutex.run(() -> {
            events.add("start");
            return Uni.createFrom().item("готово");
        });
        assertThat(events).isEmpty();

        assertThat(await(lazy.subscribeAsCompletionStage())).isEqualTo("готово");
        assertThat(events).containsExactly("start");
    }

    @Test
    void failingActionReleasesTheLockAndPassesItsFailureOn() throws Exception {
        CompletableFuture<String> gate1 = new CompletableFuture<>();
        CompletableFuture<String> result1 = gated("1", gate1).subscribeAsCompletionStage();
        CompletableFuture<String> result2 = gated("2", CompletableFuture.completedFuture("после сбоя"))
                .subscribeAsCompletionStage();
        assertThat(events).containsExactly("start 1");

        CompletableFuture.runAsync(() -> gate1.completeExceptionally(new IllegalStateException("Redis недоступен")),
                completer);

        assertThatThrownBy(() -> await(result1)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(IllegalStateException.class).hasMessage("Redis недоступен");
        assertThat(await(result2)).isEqualTo("после сбоя");
        assertThat(events).containsExactly("start 1", "start 2", "end 2");
    }

    @Test
    void actionThatThrowsInsteadOfReturningAUniReleasesTheLock() throws Exception {
        CompletableFuture<String> failed = mutex.<String>run(() -> {
            throw new IllegalArgumentException("плохой запрос");
        }).subscribeAsCompletionStage();
        CompletableFuture<String> next = mutex.run(() -> Uni.createFrom().item("дальше")).subscribeAsCompletionStage();

        assertThatThrownBy(() -> await(failed)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(IllegalArgumentException.class).hasMessage("плохой запрос");
        assertThat(await(next)).isEqualTo("дальше");
    }

    @Test
    void synchronouslyCompletingActionsRunInOrderToo() throws Exception {
        List<CompletableFuture<Integer>> results = new ArrayList<>();
        for (int index = 0; index < 50; index++) {
            int number = index;
            results.add(mutex.run(() -> {
                events.add("run " + number);
                return Uni.createFrom().item(number);
            }).subscribeAsCompletionStage());
        }
        for (int index = 0; index < 50; index++) {
            assertThat(await(results.get(index))).isEqualTo(index);
        }
        assertThat(events).containsExactlyElementsOf(
                java.util.stream.IntStream.range(0, 50).mapToObj(index -> "run " + index).toList());
    }

    @Test
    void actionsSubmittedFromManyThreadsNeverOverlap() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxRunning = new AtomicInteger();
        AtomicInteger completed = new AtomicInteger();
        ExecutorService submitters = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Integer>> results = new CopyOnWriteArrayList<>();
            List<CompletableFuture<Void>> submissions = new ArrayList<>();
            for (int index = 0; index < 200; index++) {
                int number = index;
                submissions.add(CompletableFuture.runAsync(() -> results.add(mutex.run(() -> {
                    maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                    return Uni.createFrom().completionStage(CompletableFuture.supplyAsync(() -> {
                        LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(50_000));
                        running.decrementAndGet();
                        completed.incrementAndGet();
                        return number;
                    }, completer));
                }).subscribeAsCompletionStage()), submitters));
            }
            CompletableFuture.allOf(submissions.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
            CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

            assertThat(results).hasSize(200);
            assertThat(completed).hasValue(200);
            assertThat(maxRunning).hasValue(1);
        } finally {
            submitters.shutdownNow();
        }
    }

    @Test
    void longQueueOfQuickActionsBehindASlowOneNeitherOverflowsTheStackNorStalls() throws Exception {
        CompletableFuture<String> gate = new CompletableFuture<>();
        CompletableFuture<String> slow = gated("slow", gate).subscribeAsCompletionStage();
        List<CompletableFuture<Integer>> quick = new ArrayList<>();
        for (int index = 0; index < 20_000; index++) {
            int value = index;
            quick.add(mutex.run(() -> Uni.createFrom().item(value)).subscribeAsCompletionStage());
        }
        CompletableFuture.runAsync(() -> gate.complete("done"), completer);
        assertThat(await(slow)).isEqualTo("done");
        assertThat(await(quick.get(quick.size() - 1))).isEqualTo(19_999);
        assertThat(quick).allMatch(CompletableFuture::isDone);
        assertThat(await(mutex.run(() -> Uni.createFrom().item("after")).subscribeAsCompletionStage())).isEqualTo("after");
    }
}

package ru.tsur.pulse.pipeline;

import io.smallrye.mutiny.Uni;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.function.Supplier;

/**
 * Runs asynchronous actions one at a time without blocking a thread: an action waits in a queue until
 * the previous one has completed. Used where two writers must not interleave (counting and the rebuild
 * of the counters).
 */
public final class AsyncMutex {

    private final Queue<Runnable> waiting = new ArrayDeque<>();
    private boolean busy;

    public <T> Uni<T> run(Supplier<Uni<T>> action) {
        return Uni.createFrom().emitter(emitter -> admit(() -> {
            Uni<T> started;
            try {
                started = action.get();
            } catch (RuntimeException e) {
                started = Uni.createFrom().failure(e);
            }
            started.subscribe().with(
                    item -> {
                        release();
                        emitter.complete(item);
                    },
                    failure -> {
                        release();
                        emitter.fail(failure);
                    });
        }));
    }

    private void admit(Runnable task) {
        synchronized (this) {
            if (busy) {
                waiting.add(task);
                return;
            }
            busy = true;
        }
        task.run();
    }

    private void release() {
        Runnable next;
        synchronized (this) {
            next = waiting.poll();
            if (next == null) {
                busy = false;
                return;
            }
        }
        next.run();
    }
}

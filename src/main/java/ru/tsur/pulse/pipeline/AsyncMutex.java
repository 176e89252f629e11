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
    private Thread drainingThread;

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
            waiting.add(task);
        }
        startNext();
    }

    private void release() {
        synchronized (this) {
            busy = false;
        }
        startNext();
    }

    /**
     * Starts waiting actions while the lock is free. An action that completes at once releases the lock
     * from inside {@code next.run()}; the nested call returns immediately and this loop starts the next
     * one, so a long queue of quick actions never deepens the stack.
     */
    private void startNext() {
        synchronized (this) {
            if (drainingThread == Thread.currentThread()) {
                return;
            }
        }
        while (true) {
            Runnable next;
            synchronized (this) {
                if (busy || waiting.isEmpty() || (drainingThread != null && drainingThread != Thread.currentThread())) {
                    if (drainingThread == Thread.currentThread()) {
                        drainingThread = null;
                    }
                    return;
                }
                next = waiting.poll();
                busy = true;
                drainingThread = Thread.currentThread();
            }
            try {
                next.run();
            } finally {
                synchronized (this) {
                    if (drainingThread == Thread.currentThread()) {
                        drainingThread = null;
                    }
                }
            }
        }
    }
}

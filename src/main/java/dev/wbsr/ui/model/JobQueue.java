package dev.wbsr.ui.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.Task;
import javafx.concurrent.WorkerStateEvent;

/**
 * Runs keyed jobs one at a time on one executor (FX thread API). Requesting a key that is running
 * cancels it and queues a fresh one built from the latest state: this is how slider events are
 * coalesced. A job with key {@code "sweep"} yields to anything else.
 */
final class JobQueue {

  static final String SWEEP = "sweep";

  private final Executor executor;
  private final LinkedHashMap<String, Supplier<Task<?>>> pending = new LinkedHashMap<>();
  private final ReadOnlyObjectWrapper<Task<?>> running =
      new ReadOnlyObjectWrapper<>(this, "running");
  private String runningKey;

  JobQueue(Executor executor) {
    this.executor = executor;
  }

  ReadOnlyObjectProperty<Task<?>> runningProperty() {
    return running.getReadOnlyProperty();
  }

  /** Queues {@code key}; {@code urgent} puts it before the others. */
  void request(String key, Supplier<Task<?>> factory, boolean urgent) {
    if (urgent) {
      Map<String, Supplier<Task<?>>> rest = new LinkedHashMap<>(pending);
      rest.remove(key);
      pending.clear();
      pending.put(key, factory);
      pending.putAll(rest);
    } else {
      pending.put(key, factory);
    }
    Task<?> r = running.get();
    if (r != null && (key.equals(runningKey) || SWEEP.equals(runningKey))) {
      if (SWEEP.equals(runningKey) && !key.equals(SWEEP)) {
        pending.putIfAbsent(SWEEP, pendingSweep);
      }
      r.cancel();
    }
    pump();
  }

  private Supplier<Task<?>> pendingSweep;

  void cancelAll() {
    pending.clear();
    Task<?> r = running.get();
    if (r != null) {
      r.cancel();
    }
  }

  void cancel(String key) {
    pending.remove(key);
    if (key.equals(runningKey) && running.get() != null) {
      running.get().cancel();
    }
  }

  boolean idle() {
    return running.get() == null && pending.isEmpty();
  }

  private void pump() {
    while (running.get() == null && !pending.isEmpty()) {
      String key = pending.keySet().iterator().next();
      Supplier<Task<?>> f = pending.remove(key);
      Task<?> t = f.get();
      if (t == null) {
        continue;
      }
      if (SWEEP.equals(key)) {
        pendingSweep = f;
      }
      runningKey = key;
      running.set(t);
      t.addEventHandler(WorkerStateEvent.WORKER_STATE_SUCCEEDED, e -> finished(t));
      t.addEventHandler(WorkerStateEvent.WORKER_STATE_FAILED, e -> finished(t));
      t.addEventHandler(WorkerStateEvent.WORKER_STATE_CANCELLED, e -> finished(t));
      executor.execute(t);
    }
  }

  private void finished(Task<?> t) {
    if (running.get() == t) {
      running.set(null);
      runningKey = null;
      pump();
    }
  }
}

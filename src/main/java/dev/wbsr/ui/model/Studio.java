package dev.wbsr.ui.model;

import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.logging.Logger;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.Task;

/**
 * What the parts of the view-model share: the core, the settings, the two worker threads (inference
 * on one engine thread through a {@link JobQueue}; reading and measuring on an auxiliary one), the
 * state by subject and the outputs per variant, and where errors go. FX thread only, except the
 * executors.
 */
final class Studio {

  private static final Logger LOG = Logger.getLogger("dev.wbsr.ui");

  final StudioCore core;
  final Settings settings;
  final ExecutorService engineExec = Executors2.single("wbsr-engine");
  final ExecutorService auxExec = Executors2.single("wbsr-aux");
  final JobQueue queue = new JobQueue(engineExec);
  final SourceState source = new SourceState();
  final RoutingState routing = new RoutingState();
  final CompareState compare = new CompareState();
  final OverlayState overlay = new OverlayState();
  final ReadoutState readouts = new ReadoutState();
  final VariantOutputs outputs = new VariantOutputs();
  final ReadOnlyObjectWrapper<Task<?>> auxTask = new ReadOnlyObjectWrapper<>(this, "auxTask");
  private Consumer<String> errorSink = m -> {};

  Studio(StudioCore core, Settings settings) {
    this.core = Objects.requireNonNull(core);
    this.settings = Objects.requireNonNull(settings);
  }

  void setErrorSink(Consumer<String> sink) {
    errorSink = Objects.requireNonNull(sink);
  }

  /** Shows {@code message} to the user and logs it, so a bug report can include it. */
  void reportError(String message) {
    LOG.warning(message);
    errorSink.accept(message);
  }

  Document document() {
    return source.document.get();
  }

  void runInBackground(Task<?> t) {
    auxTask.set(t);
    auxExec.execute(t);
  }
}

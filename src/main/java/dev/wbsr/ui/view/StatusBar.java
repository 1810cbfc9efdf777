package dev.wbsr.ui.view;

import atlantafx.base.theme.Styles;
import dev.wbsr.ui.model.Readouts;
import dev.wbsr.ui.model.StudioModel;
import javafx.beans.binding.Bindings;
import javafx.concurrent.Task;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** Readouts (quality, FLOPs, patches per subnet, time, device) and the progress of the job. */
final class StatusBar extends FlowBar {

  private final Label status = new Label("Ready");
  private final ProgressBar progress = new ProgressBar(0);
  private final Button cancel;
  private final StudioModel model;

  StatusBar(StudioModel model) {
    super(10, 2);
    this.model = model;
    getStyleClass().add("status-bar");
    setId("statusBar");
    Label quality = readout("qualityReadout");
    Label flops = readout("flopsReadout");
    Label patches = readout("patchesReadout");
    Label time = readout("timeReadout");
    Label device = readout("deviceReadout");
    for (Label l : new Label[] {quality, flops, time, device}) {
      l.setMinWidth(Region.USE_PREF_SIZE);
    }
    // the patch counts keep their words ("9 subnets …"); on a narrow window the bar wraps instead
    patches.setMinWidth(Region.USE_PREF_SIZE);
    model
        .readoutState()
        .readoutsProperty()
        .addListener((o, was, r) -> show(r, quality, flops, patches, time, device));
    show(model.readoutState().readoutsProperty().get(), quality, flops, patches, time, device);

    status.setId("statusText");
    status.getStyleClass().add(Styles.TEXT_MUTED);
    // a long job message ("Sweep: WBSR budget 35 % …") ellipsizes here, whole in the tooltip; it
    // never widens the window's content (which cut the chart and this bar off at the right edge)
    status.setMinWidth(0);
    status.setMaxWidth(360);
    Tooltip statusTip = new Tooltip();
    statusTip.textProperty().bind(status.textProperty());
    status.setTooltip(statusTip);
    progress.setId("progressBar");
    progress.setPrefWidth(140);
    cancel =
        Ui.iconButton("cancelButton", "mdi2c-close-circle-outline", "Cancel (Esc)", model::cancel);
    // hidden while idle, the progress bar gives its room to the readouts (the patch one shrank to
    // an ellipsis for a bar no one saw); the cancel button keeps its place, and so the bar's height
    progress.managedProperty().bind(progress.visibleProperty());
    HBox job = new HBox(10, status, progress, cancel);
    job.setAlignment(Pos.CENTER_RIGHT);
    HBox.setHgrow(status, Priority.SOMETIMES);
    setItems(job, quality, unit(flops), unit(patches), unit(time, device));
    model
        .engineTaskProperty()
        .addListener((o, was, t) -> track(t != null ? t : model.auxTaskProperty().get()));
    model
        .auxTaskProperty()
        .addListener(
            (o, was, t) -> {
              if (model.engineTaskProperty().get() == null) {
                track(t);
              }
            });
    model
        .noticeProperty()
        .addListener(
            o -> {
              if (tracked == null) {
                track(null);
              }
            });
    track(null);
  }

  private Task<?> tracked;

  private void track(Task<?> t) {
    tracked = t;
    status.textProperty().unbind();
    progress.progressProperty().unbind();
    progress.visibleProperty().unbind();
    cancel.visibleProperty().unbind();
    if (t == null || t.isDone()) {
      tracked = null; // a finished task must not hide the notices that follow
      String note = model.noticeProperty().get();
      status.setText(note.isEmpty() ? "Ready" : note);
      progress.setProgress(0);
      progress.setVisible(false);
      cancel.setVisible(false);
      return;
    }
    status
        .textProperty()
        .bind(
            Bindings.when(t.messageProperty().isEmpty())
                .then("Working…")
                .otherwise(t.messageProperty()));
    progress.progressProperty().bind(t.progressProperty());
    progress.setVisible(true);
    cancel.setVisible(true);
    t.runningProperty()
        .addListener(
            (o, was, now) -> {
              if (!now && tracked == t) {
                track(null);
              }
            });
  }

  /** A readout with the separator before it, kept together when the bar wraps. */
  private static HBox unit(Label... labels) {
    HBox h = new HBox(10, new Separator(Orientation.VERTICAL));
    h.getChildren().addAll(labels);
    h.setAlignment(Pos.CENTER_LEFT);
    h.setMinWidth(Region.USE_PREF_SIZE);
    return h;
  }

  private static Label readout(String id) {
    Label l = new Label();
    l.setId(id);
    l.getStyleClass().add("readout");
    return l;
  }

  private static void show(Readouts r, Label q, Label f, Label p, Label t, Label d) {
    q.setText(r.qualityText());
    f.setText(r.flopsText());
    p.setText(
        r.patchesShort().isEmpty()
            ? ""
            : r.patchesShort().equals(r.patchesPerSubnet())
                ? "Patches: " + r.patchesShort()
                : r.patchesShort());
    p.setTooltip(
        r.patchesPerSubnet().isEmpty()
            ? null
            : new javafx.scene.control.Tooltip("Patches per subnet: " + r.patchesPerSubnet()));
    t.setText(Double.isNaN(r.seconds()) ? "" : String.format("%.2f s", r.seconds()));
    String dev = r.device();
    d.setText(
        dev.isEmpty()
            ? ""
            : dev.startsWith("cuda")
                ? "CUDA (" + dev + ")"
                : dev.toUpperCase(java.util.Locale.ROOT));
  }
}

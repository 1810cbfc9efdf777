package dev.wbsr.ui.batch;

import atlantafx.base.theme.Styles;
import dev.wbsr.job.InputScan;
import dev.wbsr.job.WhenExists;
import dev.wbsr.model.ModelBundle;
import dev.wbsr.pipeline.Budget;
import dev.wbsr.pipeline.RoutingPolicy;
import dev.wbsr.ui.model.Bundles;
import dev.wbsr.ui.model.Executors2;
import dev.wbsr.ui.model.RoutingMode;
import dev.wbsr.ui.model.StudioModel;
import dev.wbsr.ui.view.Attention;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Batch export of a folder: the form, progress with ETA, cancel, and the summary. */
public final class BatchDialog {

  private static final ExecutorService EXEC = Executors2.single("wbsr-batch");

  private final StudioModel model;
  private final Stage stage = new Stage();
  private final TextField input = new TextField();
  private final CheckBox recursive = new CheckBox("Include sub-folders (tree mirrored)");
  private final TextField output = new TextField();
  private final ComboBox<String> format = new ComboBox<>();
  private final javafx.scene.control.Spinner<Integer> quality =
      new javafx.scene.control.Spinner<>(1, 100, 92);

  /** The output folder was filled in by the dialog ({@code INPUT/upscaled}), not chosen. */
  private boolean outputSuggested;

  private final TextField template = new TextField();
  private final Label preview = new Label();
  private final ComboBox<ModelBundle> bundle = new ComboBox<>();
  private final ComboBox<RoutingMode> mode = new ComboBox<>();
  private BatchBudget budget;
  private final ComboBox<WhenExists> existing = new ComboBox<>();
  private final ProgressBar progress = new ProgressBar(0);
  private final Label status = new Label("Choose an input and an output folder.");
  private final ListView<String> failures = new ListView<>();
  private final Button start = new Button("Start");
  private final Button cancel = new Button("Cancel");
  private final Button openFolder = new Button("Open output folder");
  private BatchTask task;
  private HBox formatRow;
  private boolean suggesting;
  private Attention attention;

  /** Inputs dropped onto the app, used instead of the input field; null when typed or browsed. */
  private List<Path> dropped;

  private BatchDialog(Window owner, StudioModel model) {
    this.model = model;
    stage.initOwner(owner);
    stage.initModality(Modality.WINDOW_MODAL);
    stage.setTitle("Batch export — WBSR Studio");
    stage.setScene(new Scene(build(), 640, 600));
    if (owner != null && owner.getScene() != null) {
      stage.getScene().getStylesheets().setAll(owner.getScene().getStylesheets());
    }
    stage.setOnCloseRequest(
        e -> {
          if (task != null && task.isRunning()) {
            task.cancel();
          }
        });
  }

  public static BatchDialog show(Window owner, StudioModel model) {
    BatchDialog d = new BatchDialog(owner, model);
    d.stage.show();
    return d;
  }

  /**
   * The dialog with files or folders dropped onto the app as its inputs; the user picks the output
   * folder and starts. See {@link DroppedInputs#wantsBatch} for when a drop means a batch.
   */
  public static BatchDialog show(Window owner, StudioModel model, List<Path> inputs) {
    BatchDialog d = new BatchDialog(owner, model);
    d.useDropped(inputs);
    d.stage.show();
    return d;
  }

  void useDropped(List<Path> inputs) {
    dropped = List.copyOf(inputs);
    input.setText(DroppedInputs.describe(dropped));
    input.setEditable(false);
    recursive.setSelected(dropped.stream().anyMatch(java.nio.file.Files::isDirectory));
    suggestOutput();
  }

  /** {@code INPUT/upscaled} (next to the sources) unless the user chose an output folder. */
  private void suggestOutput() {
    if (!output.getText().isBlank() && !outputSuggested) {
      return;
    }
    List<Path> in;
    try {
      in =
          dropped != null
              ? dropped
              : input.getText().isBlank() ? List.of() : List.of(Path.of(input.getText().trim()));
    } catch (RuntimeException e) {
      return; // not a path (yet)
    }
    suggesting = true;
    try {
      output.setText(in.isEmpty() ? "" : DroppedInputs.suggestedOutput(in).toString());
      outputSuggested = true;
    } finally {
      suggesting = false;
    }
  }

  /** The output folder field (tests). */
  String outputText() {
    return output.getText();
  }

  /** A batch that ends while neither this dialog nor the app has the focus says so there. */
  public BatchDialog notifyWith(Attention a) {
    attention = a.orWhile(stage::isFocused);
    return this;
  }

  public Stage stage() {
    return stage;
  }

  private VBox build() {
    var s = model.settings();
    input.setId("batchInput");
    input.setText(s.get("batch.input", ""));
    output.setId("batchOutput");
    // a folder the user chose is remembered; otherwise the results go next to the sources
    output.setText(s.getBoolean("batch.outputChosen", false) ? s.get("batch.output", "") : "");
    input.textProperty().addListener((o, was, now) -> suggestOutput());
    output
        .textProperty()
        .addListener(
            (o, was, now) -> {
              if (!suggesting) {
                outputSuggested = false;
              }
            });
    suggestOutput();
    recursive.setId("batchRecursive");
    recursive.setSelected(s.getBoolean("batch.recursive", false));
    format.setId("batchFormat");
    format.getItems().setAll("png", "jpg", "webp", "tif");
    format.setValue(s.get("batch.format", "png"));
    quality.setId("batchQuality");
    quality.setEditable(true);
    quality.getValueFactory().setValue(dev.wbsr.ui.export.OutputQuality.get(s));
    quality.setPrefWidth(90);
    quality.setTooltip(
        new javafx.scene.control.Tooltip(
            "JPEG and WebP quality, 1..100 (WebP at 100 is lossless); shared with File > JPEG / WebP Quality"));
    Label qualityNote = new Label();
    qualityNote.getStyleClass().add("muted-small");
    qualityNote
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    "webp".equals(format.getValue())
                            && quality.getValue() != null
                            && quality.getValue() >= 100
                        ? "lossless"
                        : "",
                format.valueProperty(),
                quality.valueProperty()));
    HBox qualityBox = new HBox(8, label("Quality"), quality, qualityNote);
    qualityBox.setAlignment(Pos.CENTER_LEFT);
    qualityBox
        .visibleProperty()
        .bind(format.valueProperty().isEqualTo("jpg").or(format.valueProperty().isEqualTo("webp")));
    formatRow = new HBox(16, format, qualityBox);
    formatRow.setAlignment(Pos.CENTER_LEFT);
    template.setId("batchTemplate");
    template.setText(s.get("batch.template", "{name}_x{scale}"));
    preview.getStyleClass().add("muted-small");
    bundle.setId("batchBundle");
    bundle.setItems(model.routingState().bundles());
    bundle.setConverter(Bundles.labels());
    bundle.setValue(model.routingState().bundleProperty().get());
    bundle.setMaxWidth(Double.MAX_VALUE);
    mode.setId("batchMode");
    offerModes(bundle.getValue(), model.routingState().modeProperty().get());
    bundle.valueProperty().addListener((o, was, now) -> offerModes(now, mode.getValue()));
    budget =
        new BatchBudget(
            Budget.ofSlider(model.routingState().budgetProperty().get()), bundle.getValue());
    bundle.valueProperty().addListener((o, was, now) -> budget.range(now));
    existing.setId("batchExisting");
    existing.getItems().setAll(WhenExists.SKIP, WhenExists.KEEP_BOTH, WhenExists.OVERWRITE);
    WhenExists saved = s.getEnum("batch.existing", WhenExists.SKIP);
    existing.setValue(saved == WhenExists.FAIL ? WhenExists.SKIP : saved);
    template.textProperty().addListener(o -> updatePreview());
    format.valueProperty().addListener(o -> updatePreview());
    bundle.valueProperty().addListener(o -> updatePreview());
    mode.valueProperty().addListener(o -> updatePreview());
    updatePreview();

    GridPane g = new GridPane();
    g.setHgap(10);
    g.setVgap(8);
    ColumnConstraints c0 = new ColumnConstraints();
    c0.setMinWidth(110);
    ColumnConstraints c1 = new ColumnConstraints();
    c1.setHgrow(Priority.ALWAYS);
    g.getColumnConstraints().addAll(c0, c1);
    int r = 0;
    g.addRow(r++, label("Input folder"), folderRow(input, "batchInputBrowse"));
    g.addRow(r++, new Region(), recursive);
    g.addRow(r++, label("Output folder"), folderRow(output, "batchOutputBrowse"));
    g.addRow(r++, label("Format"), formatRow);
    g.addRow(r++, label("File name"), new VBox(2, template, preview));
    g.addRow(r++, label("Bundle"), bundle);
    g.addRow(r++, label("Mode"), mode);
    HBox budgetRow = budget;
    budgetRow.disableProperty().bind(mode.valueProperty().isNotEqualTo(RoutingMode.WBSR));
    g.addRow(r++, label("Budget"), budgetRow);
    g.addRow(r++, label("If it exists"), existing);

    progress.setId("batchProgress");
    progress.setMaxWidth(Double.MAX_VALUE);
    status.setId("batchStatus");
    status.setWrapText(true);
    failures.setId("batchFailures");
    failures.setPrefHeight(90);
    failures.setPlaceholder(new Label("No failures"));
    failures.setCellFactory(list -> new WrappingCell(list));
    start.setId("batchStart");
    start.getStyleClass().add(Styles.ACCENT);
    start.setDefaultButton(true);
    start.setOnAction(e -> start());
    cancel.setId("batchCancel");
    cancel.setDisable(true);
    cancel.setOnAction(
        e -> {
          if (task != null) {
            task.cancel();
          }
        });
    openFolder.setId("batchOpenFolder");
    openFolder.setDisable(true);
    openFolder.setOnAction(e -> openOutput());
    Button close = new Button("Close");
    close.setId("batchClose");
    close.setCancelButton(true);
    close.setOnAction(
        e -> {
          if (task != null && task.isRunning()) {
            task.cancel();
          }
          stage.close();
        });
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox buttons = new HBox(8, openFolder, spacer, cancel, close, start);
    buttons.setAlignment(Pos.CENTER_RIGHT);
    VBox root = new VBox(12, g, progress, status, failures, buttons);
    root.setPadding(new Insets(16));
    root.getStyleClass().add("batch-dialog");
    root.setId("batchDialog");
    VBox.setVgrow(failures, Priority.ALWAYS);
    return root;
  }

  /**
   * The modes the chosen bundle offers (ClassSR bundles: ClassSR and bicubic), keeping {@code
   * want}.
   */
  private void offerModes(ModelBundle b, RoutingMode want) {
    List<RoutingMode> offered =
        b == null ? List.of(RoutingMode.values()) : RoutingMode.offeredBy(b);
    mode.getItems().setAll(offered);
    mode.setValue(
        offered.contains(want) ? want : b == null ? RoutingMode.WBSR : RoutingMode.defaultFor(b));
  }

  private static Label label(String t) {
    Label l = new Label(t);
    l.getStyleClass().add("form-label");
    return l;
  }

  private HBox folderRow(TextField f, String id) {
    Button b = new Button("Browse…");
    b.setId(id);
    b.setOnAction(
        e -> {
          DirectoryChooser dc = new DirectoryChooser();
          File cur = new File(f.getText());
          if (cur.isDirectory()) {
            dc.setInitialDirectory(cur);
          }
          File chosen = dc.showDialog(stage);
          if (chosen != null) {
            if (f == input) {
              dropped = null;
              input.setEditable(true);
            }
            f.setText(chosen.getAbsolutePath());
          }
        });
    HBox h = new HBox(6, f, b);
    HBox.setHgrow(f, Priority.ALWAYS);
    return h;
  }

  Budget batchBudget() {
    return budget.budget();
  }

  private BatchRequest request(List<Path> inputs) {
    RoutingMode m = mode.getValue() == null ? RoutingMode.WBSR : mode.getValue();
    RoutingPolicy rr = m.policy(batchBudget(), model.routingState().etaProperty().get());
    return new BatchRequest(
        inputs,
        recursive.isSelected(),
        Path.of(output.getText().trim()),
        format.getValue(),
        template.getText(),
        bundle.getValue(),
        rr,
        existing.getValue(),
        quality.getValue() == null ? 92 : quality.getValue());
  }

  /** The folder typed or chosen, or the files dropped onto the window. */
  private List<Path> inputs() {
    return dropped != null ? dropped : List.of(Path.of(input.getText().trim()));
  }

  private void updatePreview() {
    try {
      Path photo = Path.of("photo.jpg");
      preview.setText(
          "e.g. photo.jpg → "
              + InputScan.outputName(request(List.of(photo)).toJob(), photo)
              + "   ({name} {bundle} {scale} {mode})");
    } catch (RuntimeException e) {
      preview.setText("");
    }
  }

  private void start() {
    if (input.getText().isBlank() || output.getText().isBlank()) {
      status.setText("Choose an input and an output folder.");
      return;
    }
    if (bundle.getValue() == null) {
      status.setText("No model bundle is available.");
      return;
    }
    var s = model.settings();
    if (dropped == null) {
      s.put("batch.input", input.getText());
    }
    s.put("batch.output", output.getText());
    s.putBoolean("batch.outputChosen", !outputSuggested);
    quality.increment(0); // commits a value typed into the spinner
    dev.wbsr.ui.export.OutputQuality.set(s, quality.getValue());
    s.putBoolean("batch.recursive", recursive.isSelected());
    s.put("batch.format", format.getValue());
    s.put("batch.template", template.getText());
    s.putEnum("batch.existing", existing.getValue());
    failures.getItems().clear();
    BatchRequest req;
    try {
      req = request(inputs());
    } catch (RuntimeException e) {
      status.setText("Cannot start: " + e.getMessage());
      return;
    }
    task = new BatchTask(model.core(), req);
    progress.progressProperty().bind(task.progressProperty());
    status.textProperty().bind(task.messageProperty());
    start.setDisable(true);
    cancel.setDisable(false);
    openFolder.setDisable(true);
    task.setOnSucceeded(e -> finished(task.getValue()));
    task.setOnCancelled(
        e -> {
          unbind();
          status.setText("Cancelled; finishing the current step…");
        });
    task.setOnFailed(
        e -> {
          unbind();
          status.setText(
              "Batch failed: " + dev.wbsr.ui.model.UserMessages.describe(task.getException()));
          start.setDisable(false);
          cancel.setDisable(true);
        });
    BatchTask t = task;
    EXEC.execute(
        () -> {
          t.run();
          if (t.isCancelled()) {
            BatchSummary sum =
                t.lastSummary() != null
                    ? t.lastSummary()
                    : new BatchSummary(0, 0, List.of(), true, Path.of(output.getText().trim()), 0);
            javafx.application.Platform.runLater(() -> finished(sum));
          }
        });
  }

  private void unbind() {
    progress.progressProperty().unbind();
    status.textProperty().unbind();
  }

  private void finished(BatchSummary sum) {
    unbind();
    start.setDisable(false);
    cancel.setDisable(true);
    openFolder.setDisable(false);
    progress.setProgress(sum.cancelled() ? progress.getProgress() : 1);
    status.setText(
        sum.cancelled()
            ? "Cancelled. "
                + sum.written()
                + " written, "
                + sum.failures().size()
                + " failed before the cancel; no half-written file was left."
            : sum.headline());
    for (BatchSummary.Failure f : sum.failures()) {
      failures.getItems().add(f.toString());
    }
    if (attention != null && !sum.cancelled()) {
      attention.jobEnded("Batch finished: " + sum.headline(), sum.seconds());
    }
  }

  private void openOutput() {
    File dir = new File(output.getText().trim());
    new Thread(
            () -> {
              try {
                if (java.awt.Desktop.isDesktopSupported()
                    && java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.OPEN)) {
                  java.awt.Desktop.getDesktop().open(dir);
                } else {
                  new ProcessBuilder("xdg-open", dir.getAbsolutePath()).start();
                }
              } catch (Exception | Error ex) {
                javafx.application.Platform.runLater(
                    () -> status.setText("Cannot open " + dir + ": " + ex.getMessage()));
              }
            },
            "open-folder")
        .start();
  }
}

package dev.wbsr.ui.view;

import dev.wbsr.image.RgbImage;
import dev.wbsr.ui.batch.DroppedInputs;
import dev.wbsr.ui.model.OverlayKind;
import dev.wbsr.ui.model.RoutingMode;
import dev.wbsr.ui.model.SourceImage;
import dev.wbsr.ui.model.StudioModel;
import dev.wbsr.ui.model.WorkMode;
import dev.wbsr.ui.viewer.CompareMode;
import dev.wbsr.ui.viewer.CompareView;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/** The window: menu, sidebar, viewer (with its toolbar and the chart drawer) and status bar. */
public final class MainWindow {

  private final StudioModel model;
  private final Stage stage;
  private final CompareView viewer = new CompareView();
  private final BorderPane root = new BorderPane();
  private final BorderPane centre = new BorderPane();
  private final TradeoffPane chart;
  private final ExportActions exports;
  private final Menu recentMenu = new Menu("Open Recent");
  private Runnable batchAction = () -> {};
  private Consumer<List<Path>> dropBatchAction = paths -> {};
  private final JobBanner banner = new JobBanner();
  private final Attention attention;

  public MainWindow(StudioModel model, Stage stage) {
    this.model = model;
    this.stage = stage;
    this.chart = new TradeoffPane(model);
    this.exports = new ExportActions(model, stage, model::runInBackground);
    this.attention = Attention.forStage(stage, banner::show);
    root.setId("mainRoot");
    bindViewer();
    VBox side =
        new VBox(
            8,
            new SourcePane(model, this::chooseAndOpen),
            new ModelPane(model, this::chooseBundleFolder),
            new BudgetPane(model),
            new OverlayPane(model));
    side.getStyleClass().add("sidebar");
    ScrollPane scroll = new ScrollPane(side);
    scroll.setId("sidebar");
    scroll.setFitToWidth(true);
    scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    scroll.setPrefWidth(340);
    scroll.setMinWidth(280);
    centre.setTop(new VBox(new ViewerToolbar(model, viewer, this::toggleChart), banner));
    centre.setCenter(viewer);
    root.setTop(menu());
    root.setLeft(scroll);
    root.setCenter(centre);
    root.setBottom(new StatusBar(model));
    model.setErrorSink(m -> Dialogs.error(stage, m));
    model
        .readoutState()
        .sweepWantedProperty()
        .addListener((o, was, now) -> centre.setRight(now ? chart : null));
    if (model.readoutState().sweepWantedProperty().get()) {
      centre.setRight(chart);
    }
    model.engineTaskProperty().addListener((o, was, t) -> watchForAttention(t));
  }

  /** A long upscale or sweep that ends while the window is in the background says so. */
  private void watchForAttention(javafx.concurrent.Task<?> t) {
    if (t == null) {
      return;
    }
    long t0 = System.nanoTime();
    boolean sweep = t.getClass().getSimpleName().contains("Sweep");
    t.stateProperty()
        .addListener(
            (o, was, now) -> {
              if (now == javafx.concurrent.Worker.State.SUCCEEDED) {
                String name =
                    model.source().documentProperty().get() == null
                        ? "the image"
                        : model.source().documentProperty().get().name();
                attention.jobEnded(
                    sweep
                        ? "The trade-off sweep of " + name + " has finished."
                        : name + " is upscaled.",
                    (System.nanoTime() - t0) / 1e9);
              }
            });
  }

  /** Tells the user a long job ended while the window was in the background (batch dialog too). */
  public Attention attention() {
    return attention;
  }

  String bannerMessage() {
    return banner.message();
  }

  public Scene createScene(double w, double h) {
    Scene scene = new Scene(root, w, h);
    installKeys(scene);
    installDragAndDrop(scene);
    stage.titleProperty().bind(model.source().titleProperty());
    return scene;
  }

  public void setBatchAction(Runnable r) {
    batchAction = r;
  }

  /** What a drop of a folder or of several files does: the batch dialog with them as inputs. */
  public void setDropBatchAction(Consumer<List<Path>> r) {
    dropBatchAction = r;
  }

  public CompareView viewer() {
    return viewer;
  }

  private void bindViewer() {
    viewer.leftProperty().bind(model.compare().leftSourceProperty());
    viewer.rightProperty().bind(model.compare().rightSourceProperty());
    viewer.overlayProperty().bind(model.overlay().mapProperty());
    viewer.overlayOpacityProperty().bind(model.overlay().opacityProperty());
    viewer.modeProperty().bind(model.compare().modeProperty());
    viewer.leftLabelProperty().bind(model.compare().leftLabelProperty());
    viewer.rightLabelProperty().bind(model.compare().rightLabelProperty());
    viewer.setHoverText(model::hoverText);
    // a card names a patch of the image and model it was shown on: another image, paste or model
    // ends it
    model.source().documentProperty().addListener((o, was, now) -> viewer.hideHover());
    model.routingState().bundleProperty().addListener((o, was, now) -> viewer.hideHover());
    model.compare().revisionProperty().addListener(o -> viewer.repaint());
    viewer.renderNoteProperty().bind(model.compare().renderNoteProperty());
    // what is on screen is computed first when the budget moves (issue 15)
    viewer.visibleRegionProperty().addListener((o, was, now) -> model.showRegion(now));
    model.showRegion(viewer.visibleRegionProperty().get());
    model
        .darkProperty()
        .addListener((o, was, dark) -> viewer.setBackgroundColor(dark ? 0x161b22 : 0xd0d7de));
    viewer.setBackgroundColor(model.darkProperty().get() ? 0x161b22 : 0xd0d7de);
  }

  // ---- menu ------------------------------------------------------------------------------------

  private MenuBar menu() {
    Menu file = new Menu("File");
    file.getItems()
        .addAll(
            item("menuOpen", "Open…", "Shortcut+O", this::chooseAndOpen),
            recentMenu,
            item("menuPaste", "Paste Image", "Shortcut+V", this::paste),
            new SeparatorMenuItem(),
            item("menuExportImage", "Export Upscaled Image…", "Shortcut+S", exports::exportImage),
            item(
                "menuExportHeatmap",
                "Export Heat-map PNG…",
                "Shortcut+Shift+H",
                exports::exportHeatmap),
            item(
                "menuExportSideBySide",
                "Export Side-by-side…",
                "Shortcut+Shift+S",
                exports::exportSideBySide),
            item("menuExportCsv", "Export Per-patch CSV…", "Shortcut+Shift+C", exports::exportCsv),
            qualityMenu(),
            new SeparatorMenuItem(),
            item("menuBatch", "Batch Export Folder…", "Shortcut+B", () -> batchAction.run()),
            item("menuBundleFolder", "Add Bundle Folder…", null, this::chooseBundleFolder),
            new SeparatorMenuItem(),
            item("menuQuit", "Quit", "Shortcut+Q", this::quit));
    model.source().recentFiles().addListener((ListChangeListener<Path>) c -> rebuildRecent());
    rebuildRecent();
    Menu view = new Menu("View");
    view.getItems()
        .addAll(
            item(
                "menuMode",
                "Upscale / Evaluate",
                "E",
                () ->
                    model
                        .source()
                        .setWorkMode(
                            model.source().workModeProperty().get() == WorkMode.UPSCALE
                                ? WorkMode.EVALUATE
                                : WorkMode.UPSCALE)),
            item("menuWbsr", "WBSR", "W", () -> model.selectMode(RoutingMode.WBSR)),
            item("menuSupernet", "Supernet", "S", () -> model.selectMode(RoutingMode.SUPERNET)),
            item("menuArm", "ARM", "A", () -> model.selectMode(RoutingMode.ARM)),
            item(
                "menuClassSr",
                "ClassSR (ClassSR bundles)",
                "C",
                () -> model.selectMode(RoutingMode.CLASSSR)),
            item("menuBicubic", "Bicubic", "B", () -> model.selectMode(RoutingMode.BICUBIC)),
            item("menuBudgetDown", "Lower Budget", "OPEN_BRACKET", () -> model.nudgeBudget(-0.05)),
            item("menuBudgetUp", "Raise Budget", "CLOSE_BRACKET", () -> model.nudgeBudget(0.05)),
            new SeparatorMenuItem(),
            item(
                "menuOverlay",
                "Cycle Heat-map",
                "M",
                () ->
                    cycle(
                        model.overlay().kindProperty(),
                        OverlayKind.values(),
                        model.overlay()::setKind)),
            item(
                "menuCompare",
                "Cycle Compare Mode",
                "V",
                () ->
                    cycle(
                        model.compare().modeProperty(),
                        CompareMode.values(),
                        model.compare()::setMode)),
            item("menuChart", "Trade-off Chart", "Shortcut+T", this::toggleChart),
            item(
                "menuMeasure",
                "Measure Quality (vs supernet or ground truth)",
                "Shortcut+M",
                model::measureQuality),
            item(
                "menuLens",
                "Magnifier Lens",
                "L",
                () -> viewer.lensProperty().set(!viewer.lensProperty().get())),
            new SeparatorMenuItem(),
            item("menuZoomIn", "Zoom In", "Shortcut+EQUALS", () -> viewer.zoomBy(1.25)),
            item("menuZoomOut", "Zoom Out", "Shortcut+MINUS", () -> viewer.zoomBy(0.8)),
            item("menuFit", "Fit", "Shortcut+0", viewer::fit),
            item("menuActual", "Actual Size", "Shortcut+1", viewer::actualSize),
            new SeparatorMenuItem(),
            item(
                "menuDark",
                "Dark Theme",
                "Shortcut+Shift+D",
                () -> model.setDark(!model.darkProperty().get())),
            deviceMenu(),
            item("menuCancel", "Cancel Job", "ESCAPE", model::cancel));
    Menu help = new Menu("Help");
    help.getItems()
        .addAll(
            item("menuHelp", "Shortcuts and Help", "F1", () -> HelpPane.show(stage)),
            item(
                "menuAbout",
                "About WBSR Studio",
                null,
                () ->
                    AboutPane.show(stage, model.routingState().bundles(), model.core().device())));
    MenuBar bar = new MenuBar(file, view, help);
    bar.setId("menuBar");
    return bar;
  }

  /**
   * JPEG and WebP quality for exports and batches (one remembered setting; 100 = lossless WebP).
   */
  private Menu qualityMenu() {
    Menu m = new Menu("JPEG / WebP Quality");
    m.setId("menuQuality");
    javafx.scene.control.ToggleGroup g = new javafx.scene.control.ToggleGroup();
    int now = dev.wbsr.ui.export.OutputQuality.get(model.settings());
    for (int q : dev.wbsr.ui.export.OutputQuality.CHOICES) {
      javafx.scene.control.RadioMenuItem r =
          new javafx.scene.control.RadioMenuItem(dev.wbsr.ui.export.OutputQuality.label(q));
      r.setId("quality-" + q);
      r.setToggleGroup(g);
      r.setSelected(q == now);
      r.setOnAction(e -> dev.wbsr.ui.export.OutputQuality.set(model.settings(), q));
      m.getItems().add(r);
    }
    // the batch dialog takes any value: reselect on opening so the menu shows what is in force
    m.setOnShowing(
        e -> {
          int cur = dev.wbsr.ui.export.OutputQuality.get(model.settings());
          g.getToggles()
              .forEach(t -> t.setSelected(((MenuItem) t).getId().equals("quality-" + cur)));
        });
    return m;
  }

  private Menu deviceMenu() {
    Menu m = new Menu("Device");
    m.setId("menuDevice");
    javafx.scene.control.ToggleGroup g = new javafx.scene.control.ToggleGroup();
    String[][] choices = {
      {"auto", "Automatic (CUDA when available)"}, {"cpu", "CPU"}, {"gpu", "GPU (CUDA)"}
    };
    for (String[] c : choices) {
      javafx.scene.control.RadioMenuItem r = new javafx.scene.control.RadioMenuItem(c[1]);
      r.setId("device-" + c[0]);
      r.setToggleGroup(g);
      r.setSelected(c[0].equals(model.deviceProperty().get()));
      r.setOnAction(e -> model.setDevice(c[0]));
      m.getItems().add(r);
    }
    return m;
  }

  /**
   * Quit asks like the window's close button does (stage.close() alone would skip the question).
   */
  private void quit() {
    javafx.stage.WindowEvent ev =
        new javafx.stage.WindowEvent(stage, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST);
    if (stage.getOnCloseRequest() != null) {
      stage.getOnCloseRequest().handle(ev);
    }
    if (!ev.isConsumed()) {
      stage.close();
    }
  }

  private static MenuItem item(String id, String text, String keys, Runnable action) {
    MenuItem i = new MenuItem(text);
    i.setId(id);
    if (keys != null) {
      i.setAccelerator(Keys.of(keys));
    }
    i.setOnAction(e -> action.run());
    return i;
  }

  private static <E extends Enum<E>> void cycle(
      javafx.beans.property.ReadOnlyObjectProperty<E> p,
      E[] values,
      java.util.function.Consumer<E> set) {
    set.accept(values[(p.get().ordinal() + 1) % values.length]);
  }

  private void rebuildRecent() {
    recentMenu.getItems().clear();
    for (Path p : model.source().recentFiles()) {
      MenuItem i = new MenuItem(p.getFileName() + "  —  " + p.getParent());
      i.setOnAction(e -> model.open(p));
      recentMenu.getItems().add(i);
    }
    recentMenu.setDisable(recentMenu.getItems().isEmpty());
  }

  private void toggleChart() {
    model.readoutState().setSweepWanted(!model.readoutState().sweepWantedProperty().get());
  }

  // ---- open, paste, drop -----------------------------------------------------------------------

  private void chooseAndOpen() {
    FileChooser fc = new FileChooser();
    fc.setTitle("Open image");
    fc.getExtensionFilters()
        .addAll(
            new FileChooser.ExtensionFilter(
                "Images", "*.png", "*.jpg", "*.jpeg", "*.tif", "*.tiff", "*.webp", "*.bmp",
                "*.psd"),
            new FileChooser.ExtensionFilter("All files", "*.*"));
    String dir = model.settings().get("lastDir", null);
    if (dir != null && new File(dir).isDirectory()) {
      fc.setInitialDirectory(new File(dir));
    }
    File f = fc.showOpenDialog(stage);
    if (f != null) {
      model.open(f.toPath());
    }
  }

  private void chooseBundleFolder() {
    DirectoryChooser dc = new DirectoryChooser();
    dc.setTitle("Choose a model bundle folder (with manifest.json)");
    File f = dc.showDialog(stage);
    if (f != null) {
      model.addBundleFolder(f.toPath());
    }
  }

  void paste() {
    Clipboard cb = Clipboard.getSystemClipboard();
    if (cb.hasFiles() && !cb.getFiles().isEmpty()) {
      model.open(cb.getFiles().get(0).toPath());
    } else if (cb.hasImage()) {
      model.openLoaded(SourceImage.pasted(fromFx(cb.getImage())));
    } else {
      model.reportError("The clipboard holds no image or image file.");
    }
  }

  static RgbImage fromFx(Image img) {
    int w = (int) img.getWidth();
    int h = (int) img.getHeight();
    RgbImage out = RgbImage.allocate(w, h);
    PixelReader r = img.getPixelReader();
    int[] row = new int[w];
    for (int y = 0; y < h; y++) {
      r.getPixels(0, y, w, 1, javafx.scene.image.PixelFormat.getIntArgbInstance(), row, 0, w);
      for (int x = 0; x < w; x++) {
        int i = (y * w + x) * 3;
        out.rgb()[i] = (byte) (row[x] >> 16);
        out.rgb()[i + 1] = (byte) (row[x] >> 8);
        out.rgb()[i + 2] = (byte) row[x];
      }
    }
    return out;
  }

  private void installDragAndDrop(Scene scene) {
    scene.setOnDragOver(
        e -> {
          if (e.getDragboard().hasFiles()) {
            e.acceptTransferModes(TransferMode.COPY);
          }
          e.consume();
        });
    scene.setOnDragDropped(
        e -> {
          List<File> files = e.getDragboard().getFiles();
          boolean ok = files != null && !files.isEmpty();
          if (ok) {
            drop(files.stream().map(File::toPath).toList());
          }
          e.setDropCompleted(ok);
          e.consume();
        });
  }

  /** One image opens in the viewer; a folder, or several files, go to the batch dialog. */
  void drop(List<Path> paths) {
    if (DroppedInputs.wantsBatch(paths)) {
      dropBatchAction.accept(paths);
    } else {
      model.open(paths.get(0));
    }
  }

  private void installKeys(Scene scene) {
    Consumer<KeyEvent> flip =
        e -> {
          if (e.getCode() == KeyCode.SPACE
              && model.compare().modeProperty().get() == CompareMode.FLIP
              && !(scene.getFocusOwner() instanceof TextInputControl)) {
            viewer.flipHeldProperty().set(e.getEventType() == KeyEvent.KEY_PRESSED);
            e.consume();
          }
        };
    scene.addEventFilter(KeyEvent.KEY_PRESSED, flip::accept);
    scene.addEventFilter(KeyEvent.KEY_RELEASED, flip::accept);
  }
}

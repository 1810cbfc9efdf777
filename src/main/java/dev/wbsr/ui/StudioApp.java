package dev.wbsr.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.wbsr.ui.batch.BatchDialog;
import dev.wbsr.ui.model.Settings;
import dev.wbsr.ui.model.StudioCore;
import dev.wbsr.ui.model.StudioModel;
import dev.wbsr.ui.view.MainWindow;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/**
 * The JavaFX application: builds the model on the core ({@link StudioCore}), the window, applies
 * the theme and opens the bundled sample photo with the default x2 bundle, already upscaled.
 */
public class StudioApp extends Application {

  private static volatile Supplier<StudioCore> coreFactory;
  private static volatile Supplier<Settings> settingsFactory;
  private static volatile java.util.function.BiConsumer<Stage, StudioModel> onStarted;
  private StudioModel model;

  /** Set by the launcher (the real core) or by tests (before {@code launch}). */
  public static void setCoreFactory(Supplier<StudioCore> f) {
    coreFactory = f;
  }

  /**
   * The settings the app starts with; null means the user's ({@link Settings#user()}). Tests set
   * their own.
   */
  public static void setSettingsFactory(Supplier<Settings> f) {
    settingsFactory = f;
  }

  /** Called on the FX thread once the window shows (automation: screenshots for the docs). */
  public static void setOnStarted(java.util.function.BiConsumer<Stage, StudioModel> hook) {
    onStarted = hook;
  }

  static Supplier<StudioCore> coreFactory() {
    return coreFactory;
  }

  @Override
  public void start(Stage stage) {
    model =
        create(
            stage,
            Objects.requireNonNull(coreFactory, "core").get(),
            settingsFactory == null ? Settings.user() : settingsFactory.get());
    stage.setOnCloseRequest(
        e -> {
          if (!confirmQuit(stage, model)) {
            e.consume();
          } else {
            model.shutdown();
          }
        });
    stage.show();
    openStartup(model, LaunchPlan.files(getParameters().getRaw()));
    if (onStarted != null) {
      onStarted.accept(stage, model);
    }
  }

  @Override
  public void init() {
    AppLog.install(AppPaths.dataDir());
  }

  @Override
  public void stop() {
    if (model != null) {
      model.shutdown();
    }
    AppLog.close();
  }

  /** Quitting with a computed result of the user's own image that is not saved asks first. */
  static boolean confirmQuit(Stage stage, StudioModel model) {
    if (!model.hasUnsavedResult()) {
      return true;
    }
    javafx.scene.control.Alert a =
        new javafx.scene.control.Alert(
            javafx.scene.control.Alert.AlertType.CONFIRMATION,
            "The upscaled result of "
                + model.source().documentProperty().get().name()
                + " is not saved. Quit anyway?",
            javafx.scene.control.ButtonType.CANCEL,
            javafx.scene.control.ButtonType.YES);
    a.setHeaderText("Unsaved result");
    a.initOwner(stage);
    return a.showAndWait().filter(b -> b == javafx.scene.control.ButtonType.YES).isPresent();
  }

  /** Builds the model and the window on {@code stage} (also used by the TestFX tests). */
  public static StudioModel create(Stage stage, StudioCore core, Settings settings) {
    StudioModel model = new StudioModel(core, settings);
    MainWindow window = new MainWindow(model, stage);
    javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
    double w = Math.min(settings.getDouble("window.w", 1280), screen.getWidth());
    double h = Math.min(settings.getDouble("window.h", 800), screen.getHeight());
    Scene scene = window.createScene(w, h);
    applyTheme(scene, model.darkProperty().get());
    model.darkProperty().addListener((o, was, dark) -> applyTheme(scene, dark));
    window.setBatchAction(() -> BatchDialog.show(stage, model).notifyWith(window.attention()));
    window.setDropBatchAction(
        paths -> BatchDialog.show(stage, model, paths).notifyWith(window.attention()));
    stage.setScene(scene);
    stage.setMinWidth(Math.min(960, screen.getWidth()));
    stage.setMinHeight(Math.min(600, screen.getHeight()));
    stage.widthProperty().addListener((o, a, b) -> settings.putDouble("window.w", b.doubleValue()));
    stage
        .heightProperty()
        .addListener((o, a, b) -> settings.putDouble("window.h", b.doubleValue()));
    for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
      InputStream in = StudioApp.class.getResourceAsStream("icons/wbsr-" + size + ".png");
      if (in != null) {
        stage.getIcons().add(new Image(in));
      }
    }
    return model;
  }

  static void applyTheme(Scene scene, boolean dark) {
    Application.setUserAgentStylesheet(
        dark
            ? new PrimerDark().getUserAgentStylesheet()
            : new PrimerLight().getUserAgentStylesheet());
    String css = Objects.requireNonNull(StudioApp.class.getResource("studio.css")).toExternalForm();
    scene.getStylesheets().setAll(css);
    scene.getRoot().getStyleClass().removeAll("theme-dark", "theme-light");
    scene.getRoot().getStyleClass().add(dark ? "theme-dark" : "theme-light");
  }

  /** The default bundle and the sample photo, so the app shows something at once. */
  public static void openDefaults(StudioModel model) {
    openStartup(model, List.of());
  }

  /**
   * The default bundle, then the files the app was started with ("Open with", {@code wbsr
   * FILE...}): the first opens, the others go to Open Recent. Without files, the bundled sample
   * photo.
   */
  public static void openStartup(StudioModel model, List<Path> files) {
    model.discoverBundles(AppPaths.modelRoots());
    if (model.routingState().bundles().isEmpty()) {
      model.reportError(
          "No model bundle found. Put bundles in a models/ folder beside the app or "
              + "use File > Add Bundle Folder.");
    }
    if (files.isEmpty()) {
      AppPaths.asset("samples/coffee.png").ifPresent(model::openSample);
    } else {
      model.openFiles(files);
    }
  }
}

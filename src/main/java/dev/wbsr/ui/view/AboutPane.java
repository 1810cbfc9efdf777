package dev.wbsr.ui.view;

import dev.wbsr.about.AboutInfo;
import dev.wbsr.model.ModelBundle;
import dev.wbsr.ui.AppLog;
import dev.wbsr.ui.AppPaths;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * About: the app version (the pom's), the runtime, each bundle's version and licence, and the
 * third-party notices ({@link NoticesView}) in a second tab.
 */
public final class AboutPane {

  private AboutPane() {}

  public static String version() {
    return AboutInfo.version();
  }

  static String text(List<ModelBundle> bundles, String device) {
    return text(bundles, device, AppLog.folder(AppPaths.dataDir()));
  }

  /** {@code logs}: the app's log folder, named so a bug report can attach its files. */
  static String text(List<ModelBundle> bundles, String device, Path logs) {
    StringBuilder s = new StringBuilder();
    s.append("WBSR Studio ").append(version()).append('\n');
    s.append("Weight-balanced super-resolution (Yu et al., NeurIPS 2024), running on ")
        .append(device)
        .append(".\n");
    s.append(AboutInfo.runtime())
        .append(" · JavaFX ")
        .append(System.getProperty("javafx.runtime.version", "?"))
        .append("\n\n");
    s.append(bundles.isEmpty() ? "No model bundle found.\n" : "Model bundles:\n");
    for (ModelBundle b : bundles) {
      var m = b.manifest();
      s.append(" • ")
          .append(m.name())
          .append(" v")
          .append(m.version())
          .append(" (x")
          .append(m.scale())
          .append(", ")
          .append(m.kind().id())
          .append("), weights licence ")
          .append(m.license())
          .append('\n');
    }
    s.append("\nSample photos: scikit-image data, CC0. Icons: Material Design Icons via Ikonli.\n");
    s.append("Licences of everything shipped: the Third-party notices tab.\n\n");
    s.append("Log files (attach them to a bug report): ").append(logs);
    return s.toString();
  }

  static void show(Window owner, List<ModelBundle> bundles, String device) {
    Alert a = new Alert(Alert.AlertType.NONE, null, ButtonType.CLOSE);
    a.setTitle("About WBSR Studio");
    a.setHeaderText("WBSR Studio " + version());
    a.getDialogPane().setContent(tabs(bundles, device));
    a.setResizable(true);
    a.initOwner(owner);
    a.show();
  }

  /** The About tab and the Third-party notices tab, whose file is read off the FX thread. */
  static TabPane tabs(List<ModelBundle> bundles, String device) {
    Label l = new Label(text(bundles, device));
    l.setWrapText(true);
    l.setMaxWidth(600);
    VBox box = new VBox(10, l);
    box.setPadding(new Insets(12));
    box.setId("aboutPane");
    Tab about = new Tab("About", box);
    ProgressIndicator loading = new ProgressIndicator();
    loading.setMaxSize(32, 32);
    Tab third = new Tab("Third-party notices", loading);
    third.setId("thirdPartyTab");
    CompletableFuture.supplyAsync(() -> NoticesView.parse(AboutInfo.thirdPartyNotices()))
        .whenComplete(
            (blocks, err) ->
                Platform.runLater(
                    () ->
                        third.setContent(
                            err == null
                                ? NoticesView.view(blocks)
                                : NoticesView.view(
                                    NoticesView.parse(
                                        "Cannot read the third-party notices: "
                                            + cause(err).getMessage())))));
    TabPane tabs = new TabPane(about, third);
    tabs.setId("aboutTabs");
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    tabs.setPrefSize(660, 420);
    return tabs;
  }

  private static Throwable cause(Throwable err) {
    return err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
  }
}

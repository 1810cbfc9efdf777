package dev.wbsr.ui.view;

import dev.wbsr.ui.port.BundleInfo;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** About: the app version (jar manifest), the runtime, and each bundle's version and licence. */
public final class AboutPane {

  private AboutPane() {}

  public static String version() {
    String v = AboutPane.class.getPackage().getImplementationVersion();
    return v == null ? "development build" : v;
  }

  static String text(List<BundleInfo> bundles, String device) {
    StringBuilder s = new StringBuilder();
    s.append("WBSR Studio ").append(version()).append('\n');
    s.append("Weight-balanced super-resolution (Yu et al., NeurIPS 2024), running on ")
        .append(device).append(".\n");
    s.append("Java ").append(System.getProperty("java.version")).append(" · JavaFX ")
        .append(System.getProperty("javafx.runtime.version", "?")).append("\n\n");
    s.append(bundles.isEmpty() ? "No model bundle found.\n" : "Model bundles:\n");
    for (BundleInfo b : bundles) {
      s.append(" • ").append(b.name()).append(" v").append(b.version()).append(" (x")
          .append(b.scale()).append(", ").append(b.kind()).append("), weights licence ")
          .append(b.license()).append('\n');
    }
    s.append("\nSample photos: scikit-image data, CC0. Icons: Material Design Icons via Ikonli.");
    return s.toString();
  }

  static void show(Window owner, List<BundleInfo> bundles, String device) {
    Label l = new Label(text(bundles, device));
    l.setWrapText(true);
    l.setMaxWidth(560);
    VBox box = new VBox(l);
    box.setPadding(new Insets(8));
    box.setId("aboutPane");
    Alert a = new Alert(Alert.AlertType.NONE, null, ButtonType.CLOSE);
    a.setTitle("About WBSR Studio");
    a.setHeaderText("WBSR Studio");
    a.getDialogPane().setContent(box);
    a.initOwner(owner);
    a.show();
  }
}

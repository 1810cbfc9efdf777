package dev.wbsr.ui.view;

import dev.wbsr.ui.model.StudioModel;
import dev.wbsr.ui.port.BundleInfo;
import dev.wbsr.ui.port.RoutingMode;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Model: the bundle and the routing mode (WBSR, supernet, ARM, bicubic). */
final class ModelPane extends VBox {

  ModelPane(StudioModel model, Runnable addFolder) {
    super(8);
    getStyleClass().add("sidebar-section");
    ComboBox<BundleInfo> bundles = new ComboBox<>(model.bundles());
    bundles.setId("bundleCombo");
    bundles.setMaxWidth(Double.MAX_VALUE);
    bundles.setPromptText("No bundle found in models/");
    bundles.valueProperty().bindBidirectional(model.bundleProperty());
    Label about = new Label();
    about.setId("bundleAbout");
    about.getStyleClass().add("muted-small");
    about.setWrapText(true);
    model.bundleProperty().addListener((o, was, b) -> about.setText(describe(b)));
    about.setText(describe(model.bundleProperty().get()));
    bundles.setTooltip(new Tooltip("Model bundles found in models/ (or added from a folder)"));
    model.bundleProperty().addListener((o, was, b) -> about.setTooltip(b == null ? null : new Tooltip(b.title() + "\n" + b.description())));
    HBox modes = Ui.segmented(model.routingModeProperty(), RoutingMode.values(),
        m -> "route" + m.name().charAt(0) + m.name().substring(1).toLowerCase(), RoutingMode::label);
    String[] tips = {
      "WBSR (W): each patch on the subnet of its complexity class; the budget remaps classes",
      "Supernet (S): the full network on every patch",
      "ARM (A): per-patch subnet from the edge-score lookup table, traded off by eta",
      "Bicubic (B): no network"};
    for (int i = 0; i < tips.length; i++) {
      ((javafx.scene.control.ToggleButton) modes.getChildren().get(i)).setTooltip(new Tooltip(tips[i]));
    }
    getChildren().addAll(
        Ui.heading("MODEL"),
        new HBox(6, Ui.grow(bundles),
            Ui.iconButton("addBundleButton", "mdi2f-folder-plus-outline", "Use a bundle from a folder…", addFolder)),
        about,
        modes);
  }

  private static String describe(BundleInfo b) {
    if (b == null) {
      return "";
    }
    return "v" + b.version() + " · " + b.numClasses() + " classes · "
        + String.format("%.2f", b.supernetInfo().gflopsPerPatch()) + " GFLOPs/patch · " + b.license();
  }
}

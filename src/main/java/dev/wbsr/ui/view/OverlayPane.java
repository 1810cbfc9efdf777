package dev.wbsr.ui.view;

import dev.wbsr.model.ModelBundle;
import dev.wbsr.ui.model.Bundles;
import dev.wbsr.ui.model.OverlayKind;
import dev.wbsr.ui.model.StudioModel;
import dev.wbsr.ui.viewer.ColorMaps;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;

/** Overlay: class map / subnet map / off, opacity, and the colour legend. */
final class OverlayPane extends VBox {

  private final FlowPane legend = new FlowPane(8, 4);
  private final StudioModel model;

  OverlayPane(StudioModel model) {
    super(8);
    this.model = model;
    getStyleClass().add("sidebar-section");
    HBox kinds =
        Ui.segmented(
            model.overlay().kindProperty(),
            model.overlay()::setKind,
            OverlayKind.values(),
            k -> "overlay" + k.name().charAt(0) + k.name().substring(1).toLowerCase(),
            OverlayKind::toString);
    Slider op = new Slider(0, 1, model.overlay().opacityProperty().get());
    op.setId("opacitySlider");
    Ui.link(
        op.valueProperty(),
        model.overlay().opacityProperty(),
        v -> model.overlay().setOpacity(v.doubleValue()));
    Label opValue = new Label();
    opValue
        .textProperty()
        .bind(Bindings.format("%.0f %%", model.overlay().opacityProperty().multiply(100)));
    opValue.setMinWidth(40);
    opValue.setAlignment(Pos.CENTER_RIGHT);
    HBox opRow = new HBox(8, new Label("Opacity"), op, opValue);
    opRow.setAlignment(Pos.CENTER_LEFT);
    HBox.setHgrow(op, javafx.scene.layout.Priority.ALWAYS);
    legend.setId("legend");
    legend.getStyleClass().add("legend");
    model.overlay().kindProperty().addListener(o -> rebuild());
    model.source().documentProperty().addListener(o -> rebuild());
    model.routingState().bundleProperty().addListener(o -> rebuild());
    rebuild();
    getChildren().addAll(Ui.heading("HEAT-MAP"), kinds, opRow, legend);
  }

  private void rebuild() {
    legend.getChildren().clear();
    ModelBundle b = model.routingState().bundleProperty().get();
    if (b == null || model.overlay().kindProperty().get() == OverlayKind.OFF) {
      return;
    }
    if (model.overlay().kindProperty().get() == OverlayKind.CLASS) {
      int k = b.manifest().numClasses();
      HBox bar = new HBox();
      for (int c = 1; c <= k; c++) {
        bar.getChildren().add(cell(ColorMaps.classColor(c, k), "class " + c + " of " + k));
      }
      legend.getChildren().addAll(small("class 1, flat"), bar, small(k + ", textured"));
    } else {
      var subnets = b.manifest().subnets();
      int m = subnets.size();
      HBox bar = new HBox();
      for (int i = 0; i < m; i++) {
        bar.getChildren()
            .add(
                cell(
                    ColorMaps.subnetColor(i, m),
                    subnets.get(i).name()
                        + String.format(
                            " · %.3f GFLOPs/patch", subnets.get(i).flopsPerPatch() / 1e9)));
      }
      legend
          .getChildren()
          .addAll(
              small(Bundles.isClassSr(b) ? "smallest branch" : "cheap"),
              bar,
              small(Bundles.isClassSr(b) ? "widest" : "full"),
              swatch(ColorMaps.BICUBIC_GREY, "bicubic"));
    }
  }

  private static Label small(String t) {
    Label l = new Label(t);
    l.getStyleClass().add("muted-small");
    return l;
  }

  private static Rectangle cell(int rgb, String tip) {
    Rectangle r = new Rectangle(13, 12, ColorMaps.fx(rgb));
    javafx.scene.control.Tooltip.install(r, new javafx.scene.control.Tooltip(tip));
    return r;
  }

  private static HBox swatch(int rgb, String text) {
    Rectangle r = new Rectangle(12, 12, ColorMaps.fx(rgb));
    r.setArcWidth(3);
    r.setArcHeight(3);
    Label l = new Label(text);
    l.getStyleClass().add("muted-small");
    HBox h = new HBox(3, r, l);
    h.setAlignment(Pos.CENTER_LEFT);
    return h;
  }
}

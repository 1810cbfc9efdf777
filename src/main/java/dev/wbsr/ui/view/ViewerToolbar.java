package dev.wbsr.ui.view;

import atlantafx.base.theme.Styles;
import dev.wbsr.ui.model.StudioModel;
import dev.wbsr.ui.model.Variant;
import dev.wbsr.ui.viewer.CompareMode;
import dev.wbsr.ui.viewer.CompareView;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** Above the viewer: compare mode, the two sides, zoom, the chart toggle and the theme. */
final class ViewerToolbar extends HBox {

  ViewerToolbar(StudioModel model, CompareView view, Runnable toggleChart) {
    super(8);
    getStyleClass().add("viewer-toolbar");
    setAlignment(Pos.CENTER_LEFT);
    HBox modes = Ui.segmented(model.compareModeProperty(), CompareMode.values(),
        m -> switch (m) {
          case SINGLE -> "compareSingle";
          case SIDE_BY_SIDE -> "compareSideBySide";
          case SPLIT -> "compareSplit";
          case FLIP -> "compareFlip";
        }, CompareMode::toString);
    modes.setMaxWidth(Region.USE_PREF_SIZE);
    ComboBox<Variant> left = combo("leftVariant", model);
    left.valueProperty().bindBidirectional(model.leftVariantProperty());
    ComboBox<Variant> right = combo("rightVariant", model);
    right.valueProperty().bindBidirectional(model.rightVariantProperty());
    Label vs = new Label("vs");
    for (javafx.scene.Node n : new javafx.scene.Node[] {right, vs}) {
      n.visibleProperty().bind(model.compareModeProperty().isNotEqualTo(CompareMode.SINGLE));
      n.managedProperty().bind(n.visibleProperty());
    }
    ToggleButton hold = new ToggleButton("Hold to flip");
    hold.setId("flipButton");
    hold.setTooltip(new Tooltip("Press and hold (or hold Space) to see the other side in place"));
    hold.setOnMousePressed(e -> view.flipHeldProperty().set(true));
    hold.setOnMouseReleased(e -> {
      view.flipHeldProperty().set(false);
      hold.setSelected(false);
    });
    hold.visibleProperty().bind(model.compareModeProperty().isEqualTo(CompareMode.FLIP));
    hold.managedProperty().bind(hold.visibleProperty());
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    ToggleButton dark = new ToggleButton(null, Ui.icon("mdi2t-theme-light-dark"));
    dark.setId("darkToggle");
    dark.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
    dark.setTooltip(new Tooltip("Dark theme (Ctrl+Shift+D)"));
    dark.selectedProperty().bindBidirectional(model.darkProperty());
    getChildren().addAll(
        modes, left, vs, right, hold, spacer,
        Ui.iconButton("zoomOut", "mdi2m-magnify-minus-outline", "Zoom out (Ctrl+-)", () -> view.zoomBy(1 / 1.25)),
        Ui.iconButton("zoomFit", "mdi2f-fit-to-page-outline", "Fit (Ctrl+0)", view::fit),
        Ui.iconButton("zoomActual", "mdi2n-numeric-1-box-outline", "100 % (Ctrl+1)", view::actualSize),
        Ui.iconButton("zoomIn", "mdi2m-magnify-plus-outline", "Zoom in (Ctrl+=)", () -> view.zoomBy(1.25)),
        Ui.iconButton("chartToggle", "mdi2c-chart-scatter-plot", "Trade-off chart (Ctrl+T)", toggleChart),
        dark);
  }

  private static ComboBox<Variant> combo(String id, StudioModel model) {
    ComboBox<Variant> c = new ComboBox<>();
    c.getItems().setAll(Variant.values());
    c.setId(id);
    c.setTooltip(new Tooltip(id.startsWith("left") ? "Left / main side" : "Right / other side"));
    return c;
  }
}

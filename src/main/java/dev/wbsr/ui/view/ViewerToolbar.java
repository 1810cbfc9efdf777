package dev.wbsr.ui.view;

import atlantafx.base.theme.Styles;
import dev.wbsr.ui.model.StudioModel;
import dev.wbsr.ui.model.Variant;
import dev.wbsr.ui.viewer.CompareMode;
import dev.wbsr.ui.viewer.CompareView;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;

/** Above the viewer: compare mode, the two sides, zoom, the chart toggle and the theme. */
final class ViewerToolbar extends HBox {

  ViewerToolbar(StudioModel model, CompareView view, Runnable toggleChart) {
    super(8);
    getStyleClass().add("viewer-toolbar");
    setAlignment(Pos.CENTER_LEFT);
    HBox modes = Ui.segmented(model.compare().modeProperty(), CompareMode.values(),
        m -> switch (m) {
          case SINGLE -> "compareSingle";
          case SIDE_BY_SIDE -> "compareSideBySide";
          case SPLIT -> "compareSplit";
          case FLIP -> "compareFlip";
        }, CompareMode::toString);
    modes.setMaxWidth(Region.USE_PREF_SIZE);
    ComboBox<Variant> left = combo("leftVariant", model, model.compare().leftVariantProperty());
    ComboBox<Variant> right = combo("rightVariant", model, model.compare().rightVariantProperty());
    Label vs = new Label("vs");
    for (javafx.scene.Node n : new javafx.scene.Node[] {right, vs}) {
      n.visibleProperty().bind(model.compare().modeProperty().isNotEqualTo(CompareMode.SINGLE));
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
    hold.visibleProperty().bind(model.compare().modeProperty().isEqualTo(CompareMode.FLIP));
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

  /**
   * A side's choices: the variants the document offers (ClassSR when a ClassSR bundle of the same
   * scale is there), named for it ("ClassSR (classsr-x2)", "Widest branch"). Synced by hand rather
   * than bound, so replacing the items never passes a transient value to the model.
   */
  private static ComboBox<Variant> combo(String id, StudioModel model, ObjectProperty<Variant> side) {
    ComboBox<Variant> c = new ComboBox<>();
    c.setId(id);
    c.setPrefWidth(150); // long names ("ClassSR (classsr-x2)") ellipsize rather than push the toolbar
    c.setMinWidth(100);
    c.setTooltip(new Tooltip(id.startsWith("left") ? "Left / main side" : "Right / other side"));
    c.setConverter(new StringConverter<>() {
      @Override
      public String toString(Variant v) {
        return v == null ? "" : model.variantName(v);
      }

      @Override
      public Variant fromString(String s) {
        return null;
      }
    });
    boolean[] syncing = {false};
    Runnable sync = () -> {
      syncing[0] = true;
      try {
        c.getItems().setAll(model.compare().variantChoices());
        c.setValue(null); // the names may have changed with the document: redraw the button
        c.setValue(side.get());
      } finally {
        syncing[0] = false;
      }
    };
    model.compare().variantChoices().addListener((ListChangeListener<Variant>) ch -> sync.run());
    side.addListener((o, was, now) -> {
      if (!syncing[0]) {
        syncing[0] = true;
        c.setValue(now);
        syncing[0] = false;
      }
    });
    c.valueProperty().addListener((o, was, now) -> {
      if (!syncing[0] && now != null) {
        side.set(now);
      }
    });
    sync.run();
    return c;
  }
}

package dev.wbsr.ui.view;

import atlantafx.base.theme.Styles;
import dev.wbsr.ui.model.CompareState;
import dev.wbsr.ui.model.StudioModel;
import dev.wbsr.ui.model.Variant;
import dev.wbsr.ui.viewer.CompareMode;
import dev.wbsr.ui.viewer.CompareView;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;

/** Above the viewer: compare mode, the two sides, zoom, the chart toggle and the theme. */
final class ViewerToolbar extends FlowBar {

  ViewerToolbar(StudioModel model, CompareView view, Runnable toggleChart) {
    super(8, 6);
    getStyleClass().add("viewer-toolbar");
    setId("viewerToolbar");
    HBox modes =
        Ui.segmented(
            model.compare().modeProperty(),
            model.compare()::setMode,
            CompareMode.values(),
            m ->
                switch (m) {
                  case SINGLE -> "compareSingle";
                  case SIDE_BY_SIDE -> "compareSideBySide";
                  case SPLIT -> "compareSplit";
                  case FLIP -> "compareFlip";
                },
            CompareMode::toString);
    modes.setMaxWidth(Region.USE_PREF_SIZE);
    modes.setMinWidth(Region.USE_PREF_SIZE); // never "Sin…" / "Side by si…": the bar wraps instead
    for (javafx.scene.Node b : modes.getChildren()) {
      ((Region) b).setMinWidth(Region.USE_PREF_SIZE);
    }
    CompareState c = model.compare();
    var left = combo("leftVariant", model, c.leftVariantProperty(), c::setLeftVariant);
    var right = combo("rightVariant", model, c.rightVariantProperty(), c::setRightVariant);
    Label vs = new Label("vs");
    for (javafx.scene.Node n : new javafx.scene.Node[] {right, vs}) {
      n.visibleProperty().bind(model.compare().modeProperty().isNotEqualTo(CompareMode.SINGLE));
      n.managedProperty().bind(n.visibleProperty());
    }
    ToggleButton hold = new ToggleButton("Hold to flip");
    hold.setId("flipButton");
    hold.setTooltip(new Tooltip("Press and hold (or hold Space) to see the other side in place"));
    hold.setOnMousePressed(e -> view.flipHeldProperty().set(true));
    hold.setOnMouseReleased(
        e -> {
          view.flipHeldProperty().set(false);
          hold.setSelected(false);
        });
    hold.visibleProperty().bind(model.compare().modeProperty().isEqualTo(CompareMode.FLIP));
    hold.managedProperty().bind(hold.visibleProperty());
    ToggleButton dark = new ToggleButton(null, Ui.icon("mdi2t-theme-light-dark"));
    dark.setId("darkToggle");
    dark.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
    dark.setTooltip(new Tooltip("Dark theme (" + Keys.display("Shortcut+Shift+D") + ")"));
    Ui.link(dark.selectedProperty(), model.darkProperty(), model::setDark);
    Label zoom = new Label();
    zoom.setId("zoomLevel");
    zoom.getStyleClass().add("readout");
    zoom.setTooltip(new Tooltip("Zoom: screen pixels per output pixel (100 % = actual size)"));
    zoom.textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> ZoomText.of(view.transform().getZoom()), view.transform().zoomProperty()));
    zoom.setMinWidth(Region.USE_PREF_SIZE);
    HBox sides = new HBox(8, left, vs, right, hold);
    sides.setAlignment(Pos.CENTER_LEFT);
    HBox tools =
        new HBox(
            4,
            Ui.iconButton(
                "zoomOut",
                "mdi2m-magnify-minus-outline",
                "Zoom out (" + Keys.display("Shortcut+MINUS") + ")",
                () -> view.zoomBy(1 / 1.25)),
            zoom,
            Ui.iconButton(
                "zoomIn",
                "mdi2m-magnify-plus-outline",
                "Zoom in (" + Keys.display("Shortcut+EQUALS") + ")",
                () -> view.zoomBy(1.25)),
            Ui.iconButton(
                "zoomFit",
                "mdi2f-fit-to-page-outline",
                "Fit (" + Keys.display("Shortcut+0") + ")",
                view::fit),
            Ui.iconButton(
                "zoomActual",
                "mdi2n-numeric-1-box-outline",
                "100 % (" + Keys.display("Shortcut+1") + ")",
                view::actualSize),
            lens(view),
            Ui.iconButton(
                "chartToggle",
                "mdi2c-chart-scatter-plot",
                "Trade-off chart (" + Keys.display("Shortcut+T") + ")",
                toggleChart),
            dark);
    tools.setAlignment(Pos.CENTER_RIGHT);
    setItems(tools, modes, sides);
  }

  /** The magnifier toggle: both sides enlarged in a lens under the cursor (L). */
  private static ToggleButton lens(CompareView view) {
    ToggleButton b = new ToggleButton(null, Ui.icon("mdi2m-magnify-scan"));
    b.setId("lensToggle");
    b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
    b.setTooltip(new Tooltip("Magnifier lens: both sides enlarged under the cursor (L)"));
    b.selectedProperty().bindBidirectional(view.lensProperty());
    return b;
  }

  /**
   * A side's choices: the variants the document offers (ClassSR when a ClassSR bundle of the same
   * scale is there), named for it ("ClassSR (classsr-x2)", "Widest branch"). Synced by hand rather
   * than bound, so replacing the items never passes a transient value to the model.
   */
  private static ComboBox<Variant> combo(
      String id, StudioModel model, ReadOnlyObjectProperty<Variant> side, Consumer<Variant> set) {
    ComboBox<Variant> c = new ComboBox<>();
    c.setId(id);
    // as wide as its longest choice ("Ground truth" in full), up to 180 px; the bar wraps if need
    // be
    c.setMaxWidth(180);
    c.setMinWidth(90);
    c.setTooltip(new Tooltip(id.startsWith("left") ? "Left / main side" : "Right / other side"));
    c.setConverter(
        new StringConverter<>() {
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
    Runnable sync =
        () -> {
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
    side.addListener(
        (o, was, now) -> {
          if (!syncing[0]) {
            syncing[0] = true;
            c.setValue(now);
            syncing[0] = false;
          }
        });
    c.valueProperty()
        .addListener(
            (o, was, now) -> {
              if (!syncing[0] && now != null) {
                set.accept(now);
              }
            });
    sync.run();
    return c;
  }
}

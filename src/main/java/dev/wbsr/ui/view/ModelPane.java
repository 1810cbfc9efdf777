package dev.wbsr.ui.view;

import dev.wbsr.model.ModelBundle;
import dev.wbsr.ui.model.Bundles;
import dev.wbsr.ui.model.RoutingMode;
import dev.wbsr.ui.model.StudioModel;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Model: the bundle and the routing mode (WBSR, supernet, ARM, bicubic; for a ClassSR bundle
 * ClassSR and bicubic).
 */
final class ModelPane extends VBox {

  ModelPane(StudioModel model, Runnable addFolder) {
    super(8);
    getStyleClass().add("sidebar-section");
    // the bundles for photos first (the recommended one marked), the research ones after a header
    javafx.collections.transformation.SortedList<ModelBundle> sorted =
        new javafx.collections.transformation.SortedList<>(
            model.routingState().bundles(),
            java.util.Comparator.comparing((ModelBundle b) -> !purposeOf(b).forPhotos())
                .thenComparing(b -> !purposeOf(b).summary().startsWith("Recommended"))
                .thenComparingInt(Bundles::scale)
                .thenComparing(ModelBundle::name));
    ComboBox<ModelBundle> bundles = new ComboBox<>(sorted);
    bundles.setId("bundleCombo");
    bundles.setCellFactory(list -> new BundleCell());
    bundles.setButtonCell(
        new javafx.scene.control.ListCell<>() {
          @Override
          protected void updateItem(ModelBundle b, boolean empty) {
            super.updateItem(b, empty);
            setText(empty || b == null ? null : Bundles.label(b));
          }
        });
    bundles.setMaxWidth(Double.MAX_VALUE);
    bundles.setConverter(Bundles.labels());
    bundles.setPromptText("No bundle found in models/");
    Ui.link(
        bundles.valueProperty(),
        model.routingState().bundleProperty(),
        model.routingState()::setBundle);
    Label purpose = new Label();
    purpose.setId("bundlePurpose");
    purpose.setWrapText(true);
    model.routingState().bundleProperty().addListener((o, was, b) -> showPurpose(purpose, b));
    showPurpose(purpose, model.routingState().bundleProperty().get());
    Label about = new Label();
    about.setId("bundleAbout");
    about.getStyleClass().add("muted-small");
    about.setWrapText(true);
    model.routingState().bundleProperty().addListener((o, was, b) -> about.setText(describe(b)));
    about.setText(describe(model.routingState().bundleProperty().get()));
    bundles.setTooltip(new Tooltip("Model bundles found in models/ (or added from a folder)"));
    model
        .routingState()
        .bundleProperty()
        .addListener(
            (o, was, b) ->
                about.setTooltip(
                    b == null
                        ? null
                        : new Tooltip(b.manifest().title() + "\n" + b.manifest().description())));
    HBox modes =
        modeRow(
            model,
            java.util.List.of(
                RoutingMode.WBSR, RoutingMode.SUPERNET, RoutingMode.ARM, RoutingMode.BICUBIC),
            "");
    HBox classSrModes =
        modeRow(model, java.util.List.of(RoutingMode.CLASSSR, RoutingMode.BICUBIC), "ClassSr");
    classSrModes.setId("classSrModes");
    // a ClassSR bundle offers ClassSR and bicubic; a weight-sharing one WBSR, supernet, ARM,
    // bicubic
    classSrModes
        .visibleProperty()
        .bind(model.routingState().bundleProperty().map(Bundles::isClassSr).orElse(false));
    classSrModes.managedProperty().bind(classSrModes.visibleProperty());
    modes.visibleProperty().bind(classSrModes.visibleProperty().not());
    modes.managedProperty().bind(modes.visibleProperty());
    getChildren()
        .addAll(
            Ui.heading("MODEL"),
            new HBox(
                6,
                Ui.grow(bundles),
                Ui.iconButton(
                    "addBundleButton",
                    "mdi2f-folder-plus-outline",
                    "Use a bundle from a folder…",
                    addFolder)),
            purpose,
            about,
            modes,
            classSrModes);
  }

  private static final java.util.Map<RoutingMode, String> TIPS =
      java.util.Map.of(
          RoutingMode.WBSR,
              "WBSR (W): each patch on the subnet of its complexity class; the budget remaps classes",
          RoutingMode.SUPERNET, "Supernet (S): the full network on every patch",
          RoutingMode.ARM,
              "ARM (A): per-patch subnet from the edge-score lookup table, traded off by eta",
          RoutingMode.CLASSSR,
              "ClassSR (C): the bundle's classifier picks one branch per patch (no budget)",
          RoutingMode.BICUBIC, "Bicubic (B): no network");

  /** One segmented row; {@code suffix} keeps the ids unique (routeBicubic, routeBicubicClassSr). */
  private static HBox modeRow(
      StudioModel model, java.util.List<RoutingMode> offered, String suffix) {
    RoutingMode[] values = offered.toArray(new RoutingMode[0]);
    HBox row =
        Ui.segmented(
            model.routingState().modeProperty(),
            model.routingState()::setMode,
            values,
            m ->
                "route"
                    + m.name().charAt(0)
                    + m.name().substring(1).toLowerCase()
                    + (m == RoutingMode.CLASSSR ? "" : suffix),
            RoutingMode::label);
    for (javafx.scene.Node n : row.getChildren()) {
      ((javafx.scene.control.ToggleButton) n)
          .setTooltip(new Tooltip(TIPS.get((RoutingMode) n.getUserData())));
    }
    return row;
  }

  /** What the bundle is for, from its manifest. */
  static BundlePurpose purposeOf(ModelBundle b) {
    return BundlePurpose.of(b.manifest());
  }

  private static void showPurpose(Label l, ModelBundle b) {
    if (b == null) {
      l.setText("");
      l.setGraphic(null);
      l.setTooltip(null);
      return;
    }
    // one line in the sidebar; what the bundle is, in a sentence, on hover
    BundlePurpose p = purposeOf(b);
    l.setText(p.summary());
    l.setGraphic(p.summary().startsWith("Recommended") ? Ui.icon("mdi2s-star") : null);
    l.setTooltip(new Tooltip(p.detail()));
  }

  /** A bundle in the list: name, what it is for (recommended marked), the research header. */
  private static final class BundleCell extends javafx.scene.control.ListCell<ModelBundle> {
    @Override
    protected void updateItem(ModelBundle b, boolean empty) {
      super.updateItem(b, empty);
      if (empty || b == null) {
        setGraphic(null);
        setText(null);
        return;
      }
      BundlePurpose p = purposeOf(b);
      VBox box = new VBox(1);
      int i = getIndex();
      boolean firstResearch =
          !p.forPhotos()
              && getListView() != null
              && i >= 0
              && i < getListView().getItems().size() + 1
              && (i == 0 || purposeOf(getListView().getItems().get(i - 1)).forPhotos());
      if (firstResearch) {
        Label h = new Label("Research bundles (to compare methods)");
        h.getStyleClass().addAll("section-title", "bundle-group");
        h.setPadding(new javafx.geometry.Insets(6, 0, 2, 0));
        box.getChildren().add(h);
      }
      Label name = new Label(Bundles.label(b));
      name.getStyleClass()
          .add(p.forPhotos() ? atlantafx.base.theme.Styles.TEXT_BOLD : "bundle-research");
      Label what = new Label(p.summary());
      what.getStyleClass().add("muted-small");
      if (p.summary().startsWith("Recommended")) {
        what.setGraphic(Ui.icon("mdi2s-star"));
        what.getStyleClass().add(atlantafx.base.theme.Styles.ACCENT);
      }
      box.getChildren().addAll(name, what);
      setText(null);
      setGraphic(box);
      setTooltip(new Tooltip(p.detail()));
    }
  }

  private static String describe(ModelBundle bundle) {
    if (bundle == null) {
      return "";
    }
    var b = bundle.manifest();
    double gflops = b.supernetSpec().flopsPerPatch() / 1e9;
    if (Bundles.isClassSr(bundle)) {
      return "v"
          + b.version()
          + " · ClassSR: classifier + "
          + b.subnets().size()
          + " branches · "
          + String.format("%.2f", gflops)
          + " GFLOPs/patch (widest) · "
          + b.license();
    }
    return "v"
        + b.version()
        + " · "
        + b.numClasses()
        + " classes · "
        + String.format("%.2f", gflops)
        + " GFLOPs/patch · "
        + b.license();
  }
}

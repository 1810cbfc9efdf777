package dev.wbsr.ui.view;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.wbsr.ui.model.ClassRow;
import dev.wbsr.ui.model.RoutingMode;
import dev.wbsr.ui.model.StudioModel;
import dev.wbsr.ui.viewer.ColorMaps;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;

/**
 * Compute budget: the slider over the reachable range ({@link BudgetSlider}, the paper rule a
 * marked point on it), ARM's eta, and the class -> subnet table that follows the slider at once.
 */
final class BudgetPane extends VBox {

  BudgetPane(StudioModel model) {
    super(8);
    getStyleClass().add("sidebar-section");
    BudgetSlider slider = new BudgetSlider(model.routingState());
    Label budgetValue = new Label();
    budgetValue.setId("budgetLabel");
    budgetValue.getStyleClass().add(Styles.TEXT_BOLD);
    budgetValue.textProperty().bind(BudgetSlider.labelBinding(model.routingState()));
    Label noBudget =
        new Label(
            "ClassSR has no compute budget: its classifier picks one branch per "
                + "patch, so the cost follows the image. Choose a WBSR bundle to trade quality for FLOPs.");
    noBudget.setId("budgetNote");
    noBudget.getStyleClass().add("muted-small");
    noBudget.setWrapText(true);
    var applies = model.routingState().budgetAppliesBinding();
    noBudget.visibleProperty().bind(applies.not());
    noBudget.managedProperty().bind(noBudget.visibleProperty());
    slider.disableProperty().bind(applies.not());
    slider.paperRuleButton().disableProperty().bind(applies.not());
    budgetValue.disableProperty().bind(applies.not());
    CheckBox byTime = new CheckBox("Count time on this machine");
    byTime.setId("budgetByTime");
    byTime.getStyleClass().add("muted-small");
    byTime.setTooltip(
        new Tooltip(
            "Budget counts FLOPs (the paper's accounting) or the time each subnet takes on this"
                + " machine, measured once per bundle and kept in the cache. The paper FLOPs stay"
                + " in the status bar."));
    Ui.link(
        byTime.selectedProperty(),
        model.routingState().budgetByTimeProperty(),
        v -> model.routingState().setBudgetByTime(v));
    byTime.disableProperty().bind(applies.not());
    VBox budgetBox =
        new VBox(
            2,
            row("Compute budget", budgetValue),
            slider,
            slider.paperRuleButton(),
            byTime,
            noBudget);
    // shown for WBSR, and (disabled, with the note) for ClassSR bundles, which have no budget knob
    budgetBox
        .visibleProperty()
        .bind(model.routingState().modeProperty().isEqualTo(RoutingMode.WBSR).or(applies.not()));
    budgetBox.managedProperty().bind(budgetBox.visibleProperty());

    Slider eta = new Slider(0.5, 32, model.routingState().etaProperty().get());
    eta.setId("etaSlider");
    Ui.link(
        eta.valueProperty(),
        model.routingState().etaProperty(),
        v -> model.routingState().setEta(v.doubleValue()));
    Label etaValue = new Label();
    etaValue.textProperty().bind(Bindings.format("η = %.1f", model.routingState().etaProperty()));
    VBox etaBox = new VBox(2, row("ARM trade-off", etaValue), eta);
    etaBox.visibleProperty().bind(model.routingState().modeProperty().isEqualTo(RoutingMode.ARM));
    etaBox.managedProperty().bind(etaBox.visibleProperty());

    getChildren().addAll(Ui.heading("COMPUTE"), budgetBox, etaBox, table(model));
  }

  private static BorderPane row(String text, Label value) {
    BorderPane p = new BorderPane();
    p.setLeft(new Label(text));
    p.setRight(value);
    return p;
  }

  private static TableView<ClassRow> table(StudioModel model) {
    TableView<ClassRow> t = new TableView<>(model.routingState().classRows());
    t.setId("classTable");
    t.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE, Styles.STRIPED);
    t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    t.setFixedCellSize(20);
    t.prefHeightProperty()
        .bind(
            javafx.beans.binding.Bindings.size(model.routingState().classRows())
                .multiply(20)
                .add(34)
                .map(n -> Math.max(n.doubleValue(), 120)));
    t.setMinHeight(120);
    t.setPlaceholder(new Label("Open an image to see its classes"));
    TableColumn<ClassRow, ClassRow> k = new TableColumn<>("Class");
    k.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
    k.setCellFactory(
        c ->
            new TableCell<>() {
              @Override
              protected void updateItem(ClassRow r, boolean empty) {
                super.updateItem(r, empty);
                if (empty || r == null) {
                  setGraphic(null);
                  setText(null);
                  return;
                }
                Rectangle sw =
                    new Rectangle(
                        10,
                        10,
                        ColorMaps.fx(
                            ColorMaps.classColor(
                                r.klass(), model.routingState().classRows().size())));
                setGraphic(sw);
                setText(String.valueOf(r.klass()));
              }
            });
    // wide enough for the bold "Class" header with the sidebar's scroll bar showing (Evaluate)
    k.setPrefWidth(62);
    k.setMinWidth(62);
    TableColumn<ClassRow, String> share = new TableColumn<>("Patches");
    share.setCellValueFactory(
        c ->
            new ReadOnlyObjectWrapper<>(
                String.format("%d (%.0f%%)", c.getValue().patches(), c.getValue().share() * 100)));
    share.setPrefWidth(88);
    share.setMinWidth(80);
    // "11750 (15%)" on a 12-megapixel photo: the column grows to its widest text, never "115 (15…"
    Runnable fitShare =
        () -> {
          double w = 0;
          for (ClassRow r : model.routingState().classRows()) {
            javafx.scene.text.Text probe =
                new javafx.scene.text.Text(
                    String.format("%d (%.0f%%)", r.patches(), r.share() * 100));
            w = Math.max(w, probe.getLayoutBounds().getWidth());
          }
          double want = Math.max(80, Math.ceil(w) + 22);
          share.setMinWidth(want);
          share.setPrefWidth(Math.max(88, want));
        };
    model
        .routingState()
        .classRows()
        .addListener((javafx.collections.ListChangeListener<ClassRow>) c -> fitShare.run());
    fitShare.run();
    TableColumn<ClassRow, String> sub = new TableColumn<>("Subnet");
    sub.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().subnet()));
    sub.setPrefWidth(78);
    // ClassSR: the branch its classifier picks most often in the class; the share in the tooltip
    sub.textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> {
                  var b = model.routingState().bundleProperty().get();
                  return b != null && dev.wbsr.ui.model.Bundles.isClassSr(b) ? "Branch" : "Subnet";
                },
                model.routingState().bundleProperty()));
    sub.setCellFactory(
        c ->
            new TableCell<>() {
              @Override
              protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                ClassRow r = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(empty ? null : s);
                setTooltip(
                    r == null || r.note().isEmpty()
                        ? null
                        : new javafx.scene.control.Tooltip(r.note()));
              }
            });
    TableColumn<ClassRow, String> gf = new TableColumn<>("GFLOPs");
    gf.setCellValueFactory(
        c -> new ReadOnlyObjectWrapper<>(String.format("%.3f", c.getValue().gflops())));
    t.getColumns().addAll(java.util.List.of(k, share, sub, gf));
    return t;
  }
}

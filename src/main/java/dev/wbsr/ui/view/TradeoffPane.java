package dev.wbsr.ui.view;

import dev.wbsr.ui.model.Readouts;
import dev.wbsr.ui.model.StudioModel;
import dev.wbsr.ui.model.SweepPoint;
import dev.wbsr.ui.model.WorkMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.ScatterChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * PSNR-Y against FLOPs (% of the supernet) over a sweep of the budget and of ARM's eta, with the
 * current setting marked, and ClassSR's point when a ClassSR bundle of the same scale is there (for
 * a ClassSR bundle: its point and bicubic, FLOPs as % of its widest branch). The sweep runs when
 * this pane is open and yields to the slider.
 */
final class TradeoffPane extends VBox {

  private final ScatterChart<Number, Number> chart;
  private final Map<String, XYChart.Series<Number, Number>> series = new LinkedHashMap<>();
  private final XYChart.Series<Number, Number> current = new XYChart.Series<>();
  private final StudioModel model;
  private final Label note = new Label();
  private final NumberAxis xAxis = new NumberAxis();

  TradeoffPane(StudioModel model) {
    super(6);
    this.model = model;
    setId("tradeoffPane");
    getStyleClass().add("tradeoff-pane");
    NumberAxis x = xAxis;
    x.setLabel("FLOPs, % of supernet");
    x.setAutoRanging(false);
    x.setLowerBound(-10);
    x.setUpperBound(110);
    x.setTickUnit(10);
    x.setTickLabelFormatter(
        new javafx.util.StringConverter<>() {
          @Override
          public String toString(Number n) {
            return n.doubleValue() < 0 || n.doubleValue() > 100
                ? ""
                : String.format("%.0f", n.doubleValue());
          }

          @Override
          public Number fromString(String s) {
            return Double.valueOf(s);
          }
        });
    NumberAxis y = new NumberAxis();
    y.setLabel("PSNR-Y (dB)");
    y.setForceZeroInRange(false);
    chart = new ScatterChart<>(x, y);
    chart.setId("tradeoffChart");
    chart.setAnimated(false);
    chart.setLegendVisible(false);
    VBox.setVgrow(chart, Priority.ALWAYS);
    current.setName("Current");
    for (String s : new String[] {"WBSR budget", "WBSR paper rule", "ARM", "Bicubic", "ClassSR"}) {
      XYChart.Series<Number, Number> ser = new XYChart.Series<>();
      ser.setName(s);
      series.put(s, ser);
      chart.getData().add(ser);
    }
    chart.getData().add(current);
    note.getStyleClass().add("muted-small");
    note.setWrapText(true);
    model.readoutState().sweepPoints().addListener((ListChangeListener<SweepPoint>) c -> rebuild());
    model.readoutState().readoutsProperty().addListener(o -> markCurrent());
    model.source().documentProperty().addListener(o -> updateNote());
    updateNote();
    Label title = new Label("Trade-off: PSNR-Y vs FLOPs");
    title.getStyleClass().add("section-title");
    javafx.scene.layout.FlowPane key = new javafx.scene.layout.FlowPane(12, 4);
    // the series' names, their keys' texts and colours; a key shows only while its series has a
    // point (no ClassSR key without a ClassSR bundle of the same scale, no ARM key without ARM)
    String[][] keys = {
      {"WBSR budget", "WBSR budget", "#2f81f7"},
      {"WBSR paper rule", "WBSR paper rule", "#3fb950"},
      {"ARM", "ARM (eta)", "#f0883e"},
      {"Bicubic", "Bicubic", "#8b949e"},
      {"ClassSR", "ClassSR", "#a371f7"},
      {"Current", "Current", null}
    };
    for (String[] k0 : keys) {
      String[] k = {k0[1], k0[2]};
      XYChart.Series<Number, Number> of = k0[0].equals("Current") ? current : series.get(k0[0]);
      javafx.scene.shape.Circle c = new javafx.scene.shape.Circle(5);
      if (k[1] == null) {
        c.setFill(javafx.scene.paint.Color.TRANSPARENT);
        c.setStroke(javafx.scene.paint.Color.web("#e5534b"));
        c.setStrokeWidth(2);
      } else {
        c.setFill(javafx.scene.paint.Color.web(k[1]));
      }
      Label l = new Label(k[0], c);
      l.setId("tradeoffKey" + k0[0].replace(" ", ""));
      l.getStyleClass().add("muted-small");
      l.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(of.getData()));
      l.managedProperty().bind(l.visibleProperty());
      key.getChildren().add(l);
    }
    getChildren().addAll(title, chart, key, note);
    setPrefWidth(380);
  }

  private void updateNote() {
    var d = model.source().documentProperty().get();
    boolean eval = d != null && d.mode() == WorkMode.EVALUATE;
    String full =
        d != null && dev.wbsr.ui.model.Bundles.isClassSr(d.bundle()) ? "widest branch" : "supernet";
    xAxis.setLabel("FLOPs, % of " + full);
    String classSr =
        d != null && !dev.wbsr.ui.model.Bundles.isClassSr(d.bundle()) && d.companion() != null
            ? " ClassSR: " + d.companion().bundle().name() + " on the same image."
            : "";
    note.setText(
        (eval
                ? "PSNR-Y against the ground truth."
                : "Upscale mode: PSNR-Y against the "
                    + full
                    + " output (the "
                    + full
                    + " itself is off the "
                    + "chart). Use Evaluate for scores against ground truth.")
            + classSr);
  }

  private void rebuild() {
    for (XYChart.Series<Number, Number> s : series.values()) {
      s.getData().clear();
    }
    for (SweepPoint p : drawOrder(model.readoutState().sweepPoints())) {
      if (Double.isInfinite(p.psnr()) || Double.isNaN(p.psnr())) {
        continue;
      }
      XYChart.Series<Number, Number> s = series.get(p.series());
      if (s != null) {
        s.getData().add(new XYChart.Data<>(p.flopsRatio() * 100, p.psnr()));
      }
    }
    markCurrent();
  }

  /**
   * The points in the order they are drawn, later ones on top: bicubic, ClassSR, ARM, the budget
   * sweep, then the paper rule, which a budget at or above its cost reproduces exactly (its point
   * would hide under that budget's otherwise). The current-setting ring is drawn after all.
   */
  static List<SweepPoint> drawOrder(List<SweepPoint> points) {
    List<String> rank = List.of("Bicubic", "ClassSR", "ARM", "WBSR budget", "WBSR paper rule");
    List<SweepPoint> sorted = new ArrayList<>(points);
    sorted.sort(java.util.Comparator.comparingInt(p -> rank.indexOf(p.series())));
    return sorted;
  }

  private void markCurrent() {
    Readouts r = model.readoutState().readoutsProperty().get();
    current.getData().clear();
    if (!Double.isNaN(r.psnr()) && !Double.isInfinite(r.psnr()) && r.gflopsSupernet() > 0) {
      XYChart.Data<Number, Number> d = new XYChart.Data<>(r.percent(), r.psnr());
      javafx.scene.shape.Circle mark = new javafx.scene.shape.Circle(7);
      mark.setFill(javafx.scene.paint.Color.TRANSPARENT);
      mark.setStroke(javafx.scene.paint.Color.web("#e5534b"));
      mark.setStrokeWidth(3);
      d.setNode(mark);
      current.getData().add(d);
    }
  }
}

package dev.wbsr.ui.view;

import dev.wbsr.pipeline.Budget;
import dev.wbsr.ui.model.RoutingState;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.scene.control.Button;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

/**
 * The WBSR budget as one monotone scale over what the image can reach: the left end is the floor
 * (every patch on the cheapest front subnet), the right end the supernet (100 %). The paper rule is
 * a point on that scale, marked on the track and chosen with its button; it is never an end, so
 * moving right never lowers the FLOPs. The view-model keeps the one {@link Budget} value (its
 * slider position, 0 = the paper rule); this control only maps it onto the reachable range.
 */
final class BudgetSlider extends Pane {

  /**
   * Below this the floor is unknown (no image yet): the scale still starts above the paper-rule
   * sentinel.
   */
  static final double MIN_FRACTION = 0.01;

  private final RoutingState routing;
  private final Slider slider = new Slider(MIN_FRACTION, 1, 1);
  private final Region mark = new Region();
  private final Button paperRule = new Button("Paper rule");

  /**
   * Set while the slider follows the model, so a re-range or re-sync is not taken as a user's move.
   */
  private boolean syncing;

  BudgetSlider(RoutingState routing) {
    this.routing = routing;
    slider.setId("budgetSlider");
    slider.setBlockIncrement(0.05);
    slider.setMajorTickUnit(0.25);
    mark.setId("paperRuleMark");
    mark.getStyleClass().add("paper-rule-mark");
    mark.setStyle(
        "-fx-background-color: -color-accent-emphasis; -fx-pref-width: 3; -fx-pref-height: 10;");
    mark.setMouseTransparent(true);
    mark.setManaged(false);
    paperRule.setId("paperRuleButton");
    paperRule.getStyleClass().add("small");
    paperRule.setTooltip(
        new Tooltip(
            "The paper's rule (Eq. 15): class k runs member ceil(kM/K); "
                + "the mark on the slider shows its FLOPs on this image"));
    paperRule.setOnAction(e -> routing.setBudget(Budget.DEFAULT.sliderPosition()));
    getChildren().addAll(slider, mark);

    slider
        .valueProperty()
        .addListener(
            (o, was, now) -> {
              if (!syncing) {
                routing.setBudget(now.doubleValue());
              }
            });
    routing.budgetProperty().addListener((o, was, now) -> follow());
    routing.budgetFloorProperty().addListener((o, was, now) -> follow());
    routing.paperRulePointProperty().addListener((o, was, now) -> follow());
    slider.widthProperty().addListener((o, was, now) -> requestLayout());
    follow();
  }

  Slider slider() {
    return slider;
  }

  Button paperRuleButton() {
    return paperRule;
  }

  /** Left end of the scale: the reachable floor of the image shown. */
  double floor() {
    return Math.max(MIN_FRACTION, routing.budgetFloorProperty().get());
  }

  /** Where a budget (its slider position, 0 = the paper rule) sits on the reachable range. */
  private double position(double budget) {
    Budget b = Budget.ofSlider(budget);
    double p = b instanceof Budget.Fraction f ? f.value() : routing.paperRulePointProperty().get();
    return Math.max(floor(), Math.min(1, p));
  }

  private void follow() {
    syncing = true;
    try {
      slider.setMin(floor());
      slider.setValue(position(routing.budgetProperty().get()));
    } finally {
      syncing = false;
    }
    double p = routing.paperRulePointProperty().get();
    mark.setVisible(p > 0);
    requestLayout();
  }

  @Override
  protected void layoutChildren() {
    slider.resizeRelocate(0, 0, getWidth(), slider.prefHeight(getWidth()));
    // the thumb's centre travels between half a thumb from each end: put the mark where it would
    // stand
    var thumb = slider.lookup(".thumb");
    double half = thumb == null ? 8 : thumb.getLayoutBounds().getWidth() / 2;
    double travel =
        Math.max(0, getWidth() - slider.snappedLeftInset() - slider.snappedRightInset() - 2 * half);
    double range = slider.getMax() - slider.getMin();
    double t = range <= 0 ? 0 : (routing.paperRulePointProperty().get() - slider.getMin()) / range;
    double x = slider.snappedLeftInset() + half + Math.max(0, Math.min(1, t)) * travel;
    mark.resize(3, 10);
    mark.relocate(x - 1.5, slider.prefHeight(getWidth()));
  }

  @Override
  protected double computePrefHeight(double width) {
    return slider.prefHeight(width) + 10;
  }

  @Override
  protected double computeMinWidth(double height) {
    return slider.minWidth(height);
  }

  @Override
  protected double computePrefWidth(double height) {
    return slider.prefWidth(height);
  }

  /**
   * The real FLOPs of the routing shown, as a share of the supernet's (never below the floor), and
   * "paper rule" when that is the budget; before an image, the budget itself.
   */
  static StringBinding labelBinding(RoutingState routing) {
    return Bindings.createStringBinding(
        () -> {
          boolean paper =
              Budget.ofSlider(routing.budgetProperty().get()) instanceof Budget.PaperRule;
          var a = routing.routingProperty().get();
          double floor = routing.budgetFloorProperty().get();
          if (a == null) {
            return paper
                ? "paper rule"
                : String.format("%.0f %%", Math.max(floor, routing.budgetProperty().get()) * 100);
          }
          // by time: the share of the supernet's measured time here (the FLOPs stay in the readout)
          boolean time =
              routing.budgetByTimeProperty().get() && routing.timesProperty().get() != null;
          String pct =
              String.format("%.0f %%", Math.max(floor, routing.costRatio(a)) * 100)
                  + (time ? " time" : "");
          return paper ? pct + " · paper rule" : pct;
        },
        routing.budgetProperty(),
        routing.routingProperty(),
        routing.budgetFloorProperty(),
        routing.budgetByTimeProperty(),
        routing.timesProperty());
  }
}

package dev.wbsr.ui.model;

import dev.wbsr.model.ModelBundle;
import dev.wbsr.pipeline.Assignment;
import dev.wbsr.pipeline.Budget;
import dev.wbsr.pipeline.RoutingCost;
import dev.wbsr.pipeline.RoutingPolicy;
import dev.wbsr.pipeline.SubnetOrder;
import dev.wbsr.timing.SubnetTimes;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The routing controls and what they give: the bundles found, the chosen bundle, the routing mode,
 * the WBSR budget and the ARM threshold; the current {@link Assignment} and its class table. FX
 * thread only; {@link StudioModel} reroutes when these change.
 */
public final class RoutingState {

  final ObservableList<ModelBundle> bundles = FXCollections.observableArrayList();
  final ReadOnlyObjectWrapper<ModelBundle> bundle = new ReadOnlyObjectWrapper<>(this, "bundle");
  final ReadOnlyObjectWrapper<RoutingMode> mode =
      new ReadOnlyObjectWrapper<>(this, "routingMode", RoutingMode.WBSR);
  final ReadOnlyDoubleWrapper budget = new ReadOnlyDoubleWrapper(this, "budget", 0);
  final ReadOnlyDoubleWrapper eta =
      new ReadOnlyDoubleWrapper(this, "eta", RoutingPolicy.Arm.DEFAULT_ETA);
  final ReadOnlyObjectWrapper<Assignment> routing = new ReadOnlyObjectWrapper<>(this, "routing");
  final ObservableList<ClassRow> classRows = FXCollections.observableArrayList();

  /**
   * The budget's reachable floor on this image: every patch on the cheapest front subnet (fraction
   * of the supernet's FLOPs).
   */
  final ReadOnlyDoubleWrapper budgetFloor = new ReadOnlyDoubleWrapper(this, "budgetFloor", 0);

  /**
   * Where the paper rule falls on the same scale for this image (a point to mark, not the slider's
   * end).
   */
  final ReadOnlyDoubleWrapper paperRulePoint = new ReadOnlyDoubleWrapper(this, "paperRulePoint", 0);

  /**
   * Whether the WBSR budget counts measured time on this machine instead of the paper's FLOPs
   * (issue 17, the CLI's {@code --cost time}); the paper FLOPs stay shown either way.
   */
  final ReadOnlyBooleanWrapper budgetByTime =
      new ReadOnlyBooleanWrapper(this, "budgetByTime", false);

  /** The current bundle's measured subnet times, null until measured. */
  final ReadOnlyObjectWrapper<SubnetTimes> times = new ReadOnlyObjectWrapper<>(this, "times");

  /** Times measured in this run, per bundle folder (the disk cache keeps them across runs). */
  final Map<Path, SubnetTimes> measured = new HashMap<>();

  private RoutingMode lastWeightSharingMode;

  void restore(Settings settings) {
    mode.set(settings.getEnum("routingMode", RoutingMode.WBSR));
    budget.set(settings.getDouble("budget", 0));
    eta.set(settings.getDouble("eta", RoutingPolicy.Arm.DEFAULT_ETA));
    budgetByTime.set("time".equals(settings.get("budgetCost", "flops")));
  }

  void save(Settings settings) {
    settings.putEnum("routingMode", mode.get());
    settings.putDouble("budget", budget.get());
    settings.putDouble("eta", eta.get());
    settings.put("budgetCost", budgetByTime.get() ? "time" : "flops");
    if (bundle.get() != null) {
      settings.put("bundle", bundle.get().name());
      if (!Bundles.isClassSr(bundle.get())) {
        settings.put("bundle.wbsr", bundle.get().name());
      }
    }
  }

  /**
   * The core's policy for mode {@code m} with the knob that mode reads (budget for WBSR, eta for
   * ARM).
   */
  RoutingPolicy policyFor(RoutingMode m) {
    RoutingPolicy p = m.policy(Budget.ofSlider(budget.get()), eta.get());
    return p instanceof RoutingPolicy.Wbsr w && byTimeNow() ? w.withCost(cost()) : p;
  }

  /** True when the budget counts time and this bundle's times are known. */
  boolean byTimeNow() {
    return budgetByTime.get() && times.get() != null;
  }

  /** True when the budget should count time but this bundle's times are not measured yet. */
  boolean timesMissing() {
    return budgetByTime.get() && times.get() == null;
  }

  /** What the budget counts now: measured time, or the paper's FLOPs. */
  RoutingCost cost() {
    return byTimeNow() ? times.get().routingCost() : RoutingCost.FLOPS;
  }

  /**
   * The cost of {@code a} over the supernet's on the same image, in what the budget counts: its
   * share of the supernet's measured time, or of its FLOPs.
   */
  public double costRatio(Assignment a) {
    ModelBundle b = bundle.get();
    if (!byTimeNow() || b == null || a.size() == 0) {
      return a.flopsRatio();
    }
    return cost().fractionOfSupernet(a, b.manifest());
  }

  /** Shows the times measured for {@code b} (null when there are none yet). */
  void timesFor(ModelBundle b) {
    times.set(b == null ? null : measured.get(key(b)));
  }

  static Path key(ModelBundle b) {
    return b.dir().toAbsolutePath().normalize();
  }

  /** The variant the routing mode shows on the left and is measured. */
  Variant primary() {
    return Variant.of(mode.get());
  }

  /**
   * For the status bar when a key asks for a mode the bundle lacks, e.g. "… offers ClassSR and
   * Bicubic …".
   */
  static String modesOffered(ModelBundle b) {
    List<String> names = RoutingMode.offeredBy(b).stream().map(RoutingMode::label).toList();
    return b.name()
        + " offers "
        + String.join(", ", names.subList(0, names.size() - 1))
        + " and "
        + names.get(names.size() - 1)
        + (Bundles.isClassSr(b) ? " (ClassSR has no budget)" : "; ClassSR needs a ClassSR bundle");
  }

  /**
   * Keeps the routing mode when the new bundle offers it; otherwise its default (ClassSR for a
   * ClassSR bundle), and back to the last WBSR-side mode when returning to a weight-sharing one.
   */
  void fitModeTo(ModelBundle was, ModelBundle now) {
    RoutingMode m = mode.get();
    if (was != null && !Bundles.isClassSr(was) && m.isOfferedBy(was)) {
      lastWeightSharingMode = m;
    }
    if (!m.isOfferedBy(now)) {
      mode.set(
          !Bundles.isClassSr(now) && lastWeightSharingMode != null
              ? lastWeightSharingMode
              : RoutingMode.defaultFor(now));
    }
  }

  /** Whether the budget slider applies: not for ClassSR bundles (their classifier decides). */
  public BooleanBinding budgetAppliesBinding() {
    return Bindings.createBooleanBinding(
        () -> bundle.get() == null || RoutingMode.WBSR.isOfferedBy(bundle.get()), bundle);
  }

  public ObservableList<ModelBundle> bundles() {
    return bundles;
  }

  public ReadOnlyObjectProperty<ModelBundle> bundleProperty() {
    return bundle.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<RoutingMode> modeProperty() {
    return mode.getReadOnlyProperty();
  }

  /** The budget slider's position ({@link Budget#ofSlider}: the paper rule or a FLOPs fraction). */
  public ReadOnlyDoubleProperty budgetProperty() {
    return budget.getReadOnlyProperty();
  }

  public ReadOnlyDoubleProperty etaProperty() {
    return eta.getReadOnlyProperty();
  }

  /** Routes with bundle {@code b} (one of {@link #bundles()}); the document is prepared anew. */
  public void setBundle(ModelBundle b) {
    bundle.set(b);
  }

  public void setMode(RoutingMode m) {
    mode.set(m);
  }

  /** Moves the budget to a slider position ({@link Budget#ofSlider}). */
  public void setBudget(double sliderPosition) {
    budget.set(sliderPosition);
  }

  /** ARM's edge-score threshold. */
  public void setEta(double v) {
    eta.set(v);
  }

  public ReadOnlyObjectProperty<Assignment> routingProperty() {
    return routing.getReadOnlyProperty();
  }

  public ObservableList<ClassRow> classRows() {
    return classRows;
  }

  /** Whether the budget counts measured time on this machine (else the paper's FLOPs). */
  public ReadOnlyBooleanProperty budgetByTimeProperty() {
    return budgetByTime.getReadOnlyProperty();
  }

  /** Counts the budget in measured time on this machine, or in the paper's FLOPs. */
  public void setBudgetByTime(boolean byTime) {
    budgetByTime.set(byTime);
  }

  public ReadOnlyObjectProperty<SubnetTimes> timesProperty() {
    return times.getReadOnlyProperty();
  }

  public ReadOnlyDoubleProperty budgetFloorProperty() {
    return budgetFloor.getReadOnlyProperty();
  }

  public ReadOnlyDoubleProperty paperRulePointProperty() {
    return paperRulePoint.getReadOnlyProperty();
  }

  /**
   * The budget {@code delta} along the reachable scale (the paper rule counts as its point): never
   * below the floor, never back onto the paper-rule sentinel, so ] always adds FLOPs.
   */
  double nudged(double delta) {
    double at =
        Budget.ofSlider(budget.get()) instanceof Budget.Fraction f
            ? f.value()
            : paperRulePoint.get();
    double low = Math.max(0.01, budgetFloor.get());
    return Math.max(low, Math.min(1, Math.max(low, at) + delta));
  }

  /** The budget scale's floor and the paper rule's point for a document (FX thread). */
  void measureScale(Document d) {
    if (Bundles.isClassSr(d.bundle())) {
      budgetFloor.set(0);
      paperRulePoint.set(0);
      return;
    }
    RoutingCost c = cost();
    if (c instanceof RoutingCost.Time) {
      double[] per = c.perPatch(d.bundle().manifest());
      double cheapest = Double.MAX_VALUE;
      for (int s : c.members(d.bundle().manifest(), SubnetOrder.PARETO)) {
        cheapest = Math.min(cheapest, per[s]);
      }
      budgetFloor.set(cheapest / per[d.bundle().manifest().supernet()]);
    } else {
      budgetFloor.set(Bundles.budgetFloor(d.bundle()));
    }
    paperRulePoint.set(costRatio(d.session().plan(RoutingPolicy.Wbsr.paper())));
  }
}

package dev.wbsr.ui.model;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What is measured of the current routing (cost, time, quality: {@link Readouts}) and the trade-off
 * chart's points, which are only computed while the chart is wanted. FX thread only.
 */
public final class ReadoutState {

  final ReadOnlyObjectWrapper<Readouts> readouts =
      new ReadOnlyObjectWrapper<>(this, "readouts", Readouts.EMPTY);
  final ObservableList<SweepPoint> sweep = FXCollections.observableArrayList();
  final ReadOnlyBooleanWrapper sweepWanted = new ReadOnlyBooleanWrapper(this, "sweepWanted", false);

  /**
   * The user asked to measure the quality of this document (Upscale mode: runs the supernet once).
   */
  final ReadOnlyBooleanWrapper measureWanted =
      new ReadOnlyBooleanWrapper(this, "measureWanted", false);

  /** A new document: nothing measured yet. */
  void clear() {
    sweep.clear();
    measureWanted.set(false);
    readouts.set(Readouts.EMPTY);
  }

  public ReadOnlyObjectProperty<Readouts> readoutsProperty() {
    return readouts.getReadOnlyProperty();
  }

  public ObservableList<SweepPoint> sweepPoints() {
    return sweep;
  }

  public ReadOnlyBooleanProperty sweepWantedProperty() {
    return sweepWanted.getReadOnlyProperty();
  }

  /** Whether the trade-off chart is wanted: its points are only computed while it is. */
  public void setSweepWanted(boolean wanted) {
    sweepWanted.set(wanted);
  }

  public ReadOnlyBooleanProperty measureWantedProperty() {
    return measureWanted.getReadOnlyProperty();
  }
}

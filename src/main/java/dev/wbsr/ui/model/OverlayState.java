package dev.wbsr.ui.model;

import dev.wbsr.pipeline.Assignment;
import dev.wbsr.ui.viewer.OverlayMap;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The heat-map over the image: which one (class, subnet, off), how opaque, and its patches. FX
 * thread only.
 */
public final class OverlayState {

  final ReadOnlyObjectWrapper<OverlayKind> kind =
      new ReadOnlyObjectWrapper<>(this, "overlayKind", OverlayKind.CLASS);
  final ReadOnlyDoubleWrapper opacity = new ReadOnlyDoubleWrapper(this, "opacity", 0.45);
  private final ReadOnlyObjectWrapper<OverlayMap> map =
      new ReadOnlyObjectWrapper<>(this, "overlayMap");

  /** Whether the document shown is the bundled sample: its heat-map choice is kept apart. */
  private boolean sample;

  void restore(Settings settings) {
    kind.set(settings.getEnum(key(), defaultKind()));
    opacity.set(settings.getDouble("opacity", 0.45));
  }

  void save(Settings settings) {
    settings.putEnum(key(), kind.get());
    settings.putDouble("opacity", opacity.get());
  }

  /**
   * The heat-map for a new document: on the sample the classes by default (there it explains the
   * app), on the user's own photos off by default; each keeps the user's last choice.
   */
  void useFor(Settings settings, boolean sampleDocument) {
    if (sampleDocument != sample) {
      sample = sampleDocument;
      kind.set(settings.getEnum(key(), defaultKind()));
    }
  }

  private String key() {
    return sample ? "overlay.sample" : "overlay";
  }

  private OverlayKind defaultKind() {
    return sample ? OverlayKind.CLASS : OverlayKind.OFF;
  }

  /** Recomputes the map for the document and routing shown (none without a document). */
  void refresh(Document d, Assignment routing) {
    map.set(d == null ? null : OverlayMaps.of(kind.get(), d.bundle(), d.analysis(), routing));
  }

  public ReadOnlyObjectProperty<OverlayKind> kindProperty() {
    return kind.getReadOnlyProperty();
  }

  public ReadOnlyDoubleProperty opacityProperty() {
    return opacity.getReadOnlyProperty();
  }

  public void setKind(OverlayKind k) {
    kind.set(k);
  }

  /** The heat-map's opacity, 0 (invisible) to 1. */
  public void setOpacity(double v) {
    opacity.set(Math.max(0, Math.min(1, v)));
  }

  public ReadOnlyObjectProperty<OverlayMap> mapProperty() {
    return map.getReadOnlyProperty();
  }
}

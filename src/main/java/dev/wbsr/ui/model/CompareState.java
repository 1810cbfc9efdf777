package dev.wbsr.ui.model;

import dev.wbsr.ui.viewer.CompareMode;
import dev.wbsr.ui.viewer.PixelSource;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.geometry.Rectangle2D;

/**
 * The viewer's two sides: which variant each shows and how they are compared, the pixels and labels
 * that gives for the current document, the variants offered, and a revision that counts pixel
 * updates (the viewer repaints on it). FX thread only, except {@link #postRevision()} and {@link
 * #postRevisionIfShown}.
 */
public final class CompareState {

  final ReadOnlyObjectWrapper<Variant> leftVariant =
      new ReadOnlyObjectWrapper<>(this, "left", Variant.WBSR);
  final ReadOnlyObjectWrapper<Variant> rightVariant =
      new ReadOnlyObjectWrapper<>(this, "right", Variant.BICUBIC);
  final ReadOnlyObjectWrapper<CompareMode> mode =
      new ReadOnlyObjectWrapper<>(this, "compare", CompareMode.SINGLE);
  private final ReadOnlyObjectWrapper<PixelSource> leftSource =
      new ReadOnlyObjectWrapper<>(this, "leftSource");
  private final ReadOnlyObjectWrapper<PixelSource> rightSource =
      new ReadOnlyObjectWrapper<>(this, "rightSource");
  private final ReadOnlyStringWrapper leftLabel = new ReadOnlyStringWrapper(this, "leftLabel", "");
  private final ReadOnlyStringWrapper rightLabel =
      new ReadOnlyStringWrapper(this, "rightLabel", "");
  private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(this, "revision");
  private final ObservableList<Variant> variantChoices =
      FXCollections.observableArrayList(VariantOutputs.choices(null));
  private final ReadOnlyObjectWrapper<Rectangle2D> shownRegion =
      new ReadOnlyObjectWrapper<>(this, "shownRegion");
  private final ReadOnlyStringWrapper renderNote =
      new ReadOnlyStringWrapper(this, "renderNote", "");
  private Task<?> noted;
  private boolean revisionPosted;

  /**
   * The variants on screen, for render threads: a batch of a variant nobody looks at (Measure
   * Quality's supernet, a prefetch) needs no repaint, and on a 12-megapixel photo those repaints
   * cost the FX thread seconds of downscaling. Its completion still bumps the revision.
   */
  private volatile Set<Variant> shown = EnumSet.of(Variant.WBSR);

  {
    InvalidationListener update = o -> shown = shownNow();
    leftVariant.addListener(update);
    rightVariant.addListener(update);
    mode.addListener(update);
  }

  private Set<Variant> shownNow() {
    EnumSet<Variant> now = EnumSet.of(leftVariant.get());
    if (mode.get() != CompareMode.SINGLE) {
      now.add(rightVariant.get());
    }
    return now;
  }

  void restore(Settings settings, Variant left) {
    leftVariant.set(left);
    mode.set(settings.getEnum("compare", CompareMode.SINGLE));
    rightVariant.set(settings.getEnum("right", Variant.BICUBIC));
  }

  void save(Settings settings) {
    settings.putEnum("compare", mode.get());
    settings.putEnum("right", rightVariant.get());
  }

  /**
   * Points both sides at the pixels their variants have now (the right one only when comparing).
   */
  void showPixels(VariantOutputs outputs, Document d) {
    leftSource.set(outputs.source(d, leftVariant.get()));
    rightSource.set(
        mode.get() == CompareMode.SINGLE ? null : outputs.source(d, rightVariant.get()));
  }

  void showLabels(Document d) {
    leftLabel.set(VariantOutputs.label(d, leftVariant.get()));
    rightLabel.set(VariantOutputs.label(d, rightVariant.get()));
  }

  /**
   * The choices for a new document; a side whose variant this document cannot show (the ground
   * truth in Upscale mode, e.g. after a restart) falls back to one it can: bicubic on the right,
   * the routing mode's variant on the left.
   */
  void offerChoicesFor(Document d, Variant primary) {
    variantChoices.setAll(VariantOutputs.choices(d));
    if (d != null && !VariantOutputs.available(d, rightVariant.get())) {
      rightVariant.set(Variant.BICUBIC);
    }
    if (d != null && !VariantOutputs.available(d, leftVariant.get())) {
      leftVariant.set(VariantOutputs.available(d, primary) ? primary : Variant.BICUBIC);
    }
  }

  /** From a render thread: a batch of {@code v} landed; repaint if it is on screen. */
  void postRevisionIfShown(Variant v) {
    if (shown.contains(v)) {
      postRevision();
    }
  }

  /** From a render thread: one repaint per FX pulse however many batches land. */
  void postRevision() {
    if (!revisionPosted) {
      revisionPosted = true;
      Platform.runLater(
          () -> {
            revisionPosted = false;
            bumpRevision();
          });
    }
  }

  /**
   * A render began: the viewer says so over the image, with its progress, while the pixels land
   * (the part on screen first).
   */
  void renderStarted(Task<?> t, String name) {
    noted = t;
    renderNote.set("Updating " + name + "…");
    t.progressProperty()
        .addListener(
            (o, was, now) -> {
              if (noted == t && now.doubleValue() >= 0) {
                renderNote.set(
                    String.format(
                        Locale.ROOT,
                        "Updating %s… %d %%",
                        name,
                        Math.round(now.doubleValue() * 100)));
              }
            });
  }

  /** The render ended (done, cancelled or failed): the note goes unless a newer one took over. */
  void renderEnded(Task<?> t) {
    if (noted == t) {
      noted = null;
      renderNote.set("");
    }
  }

  void bumpRevision() {
    revision.set(revision.get() + 1);
  }

  public ReadOnlyObjectProperty<Variant> leftVariantProperty() {
    return leftVariant.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<Variant> rightVariantProperty() {
    return rightVariant.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<CompareMode> modeProperty() {
    return mode.getReadOnlyProperty();
  }

  /** Shows {@code v} on the left (the side that is measured and exported). */
  public void setLeftVariant(Variant v) {
    leftVariant.set(v);
  }

  public void setRightVariant(Variant v) {
    rightVariant.set(v);
  }

  public void setMode(CompareMode m) {
    mode.set(m);
  }

  public ReadOnlyObjectProperty<PixelSource> leftSourceProperty() {
    return leftSource.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<PixelSource> rightSourceProperty() {
    return rightSource.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty leftLabelProperty() {
    return leftLabel.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty rightLabelProperty() {
    return rightLabel.getReadOnlyProperty();
  }

  void showRegion(Rectangle2D r) {
    shownRegion.set(r);
  }

  /** The part of the image the viewer reports on screen (output pixels), null before it did. */
  public ReadOnlyObjectProperty<Rectangle2D> shownRegionProperty() {
    return shownRegion.getReadOnlyProperty();
  }

  /** "Updating WBSR… 40 %" while a render runs, else empty. */
  public ReadOnlyStringProperty renderNoteProperty() {
    return renderNote.getReadOnlyProperty();
  }

  public ReadOnlyLongProperty revisionProperty() {
    return revision.getReadOnlyProperty();
  }

  /**
   * What the compare sides can show for the current document (ClassSR only beside a ClassSR
   * bundle).
   */
  public ObservableList<Variant> variantChoices() {
    return variantChoices;
  }
}

package dev.wbsr.ui.viewer;

import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;

/**
 * The centre of the window: one viewport (single, split line, hold-to-flip) or two viewports side
 * by side sharing one {@link ViewTransform}, so zoom and pan stay synchronised.
 */
public final class CompareView extends StackPane {

  private final ObjectProperty<CompareMode> mode =
      new SimpleObjectProperty<>(this, "mode", CompareMode.SINGLE);
  private final ObjectProperty<PixelSource> left = new SimpleObjectProperty<>(this, "left");
  private final ObjectProperty<PixelSource> right = new SimpleObjectProperty<>(this, "right");
  private final ObjectProperty<OverlayMap> overlay = new SimpleObjectProperty<>(this, "overlay");
  private final DoubleProperty opacity = new SimpleDoubleProperty(this, "opacity", 0.5);
  private final BooleanProperty flipHeld = new SimpleBooleanProperty(this, "flipHeld");
  private final StringProperty leftLabel = new SimpleStringProperty(this, "leftLabel", "");
  private final StringProperty rightLabel = new SimpleStringProperty(this, "rightLabel", "");
  private final ViewTransform transform = new ViewTransform();
  private final ImageViewport main = new ImageViewport();
  private final ImageViewport second = new ImageViewport();
  private final HBox pair = new HBox(2);
  private final BooleanProperty lens = new SimpleBooleanProperty(this, "lens", false);
  private final MagnifierLens magnifier = new MagnifierLens();
  private final ReadOnlyObjectWrapper<Rectangle2D> visibleRegion =
      new ReadOnlyObjectWrapper<>(this, "visibleRegion");
  private final StringProperty renderNote = new SimpleStringProperty(this, "renderNote", "");
  private final Label note = new Label();

  public CompareView() {
    getStyleClass().add("compare-view");
    setId("compareView");
    main.setId("viewportMain");
    second.setId("viewportSecond");
    main.transformProperty().set(transform);
    second.transformProperty().set(transform);
    main.leftProperty().bind(left);
    main.rightProperty().bind(right);
    second.leftProperty().bind(right);
    for (ImageViewport v : new ImageViewport[] {main, second}) {
      v.overlayProperty().bind(overlay);
      v.overlayOpacityProperty().bind(opacity);
      HBox.setHgrow(v, Priority.ALWAYS);
    }
    main.flippedProperty().bind(flipHeld.and(mode.isEqualTo(CompareMode.FLIP)));
    main.splitVisibleProperty().bind(mode.isEqualTo(CompareMode.SPLIT));
    second.leftLabelProperty().bind(rightLabel);
    main.leftLabelProperty()
        .bind(
            javafx.beans.binding.Bindings.createStringBinding(
                () ->
                    mode.get() == CompareMode.FLIP && flipHeld.get()
                        ? rightLabel.get()
                        : leftLabel.get(),
                mode,
                flipHeld,
                leftLabel,
                rightLabel));
    main.rightLabelProperty().bind(rightLabel);
    mode.addListener((o, was, now) -> relayout());
    note.setId("renderNote");
    note.getStyleClass().add("viewport-tag");
    note.setMouseTransparent(true);
    note.textProperty().bind(renderNote);
    note.visibleProperty().bind(renderNote.isNotEmpty());
    StackPane.setAlignment(note, Pos.BOTTOM_CENTER);
    StackPane.setMargin(note, new Insets(0, 0, 12, 0));
    relayout();
    InvalidationListener moved = o -> updateVisibleRegion();
    for (javafx.beans.Observable o :
        new javafx.beans.Observable[] {
          transform.zoomProperty(),
          transform.centerXProperty(),
          transform.centerYProperty(),
          main.widthProperty(),
          main.heightProperty()
        }) {
      o.addListener(moved);
    }
    addEventFilter(
        javafx.scene.input.MouseEvent.MOUSE_MOVED, e -> moveLens(e.getSceneX(), e.getSceneY()));
    addEventFilter(
        javafx.scene.input.MouseEvent.MOUSE_DRAGGED, e -> moveLens(e.getSceneX(), e.getSceneY()));
    addEventHandler(javafx.scene.input.MouseEvent.MOUSE_EXITED, e -> magnifier.setVisible(false));
    lens.addListener(
        (o, was, on) -> {
          if (!on) {
            magnifier.setVisible(false);
          }
        });
  }

  /** Whether the magnifier lens follows the cursor. */
  public BooleanProperty lensProperty() {
    return lens;
  }

  public MagnifierLens magnifier() {
    return magnifier;
  }

  /**
   * Moves the lens to scene point (sx, sy): both sides around the image point under it, enlarged.
   * Hidden when the lens is off or the point is over no image.
   */
  public void moveLens(double sx, double sy) {
    if (!lens.get() || left.get() == null) {
      magnifier.setVisible(false);
      return;
    }
    ImageViewport over = null;
    for (ImageViewport v : new ImageViewport[] {main, second}) {
      if (v.getScene() != null && v.localToScene(v.getLayoutBounds()).contains(sx, sy)) {
        over = v;
      }
    }
    if (over == null) {
      magnifier.setVisible(false);
      return;
    }
    javafx.geometry.Point2D p = over.sceneToLocal(sx, sy);
    double ix = transform.imageX(p.getX(), over.getWidth());
    double iy = transform.imageY(p.getY(), over.getHeight());
    PixelSource other = right.get();
    magnifier.render(left.get(), other, ix, iy, MagnifierLens.scaleFor(transform.getZoom()));
    javafx.geometry.Point2D here = sceneToLocal(sx, sy);
    // above the cursor, so the lens never hides the point it enlarges; below near the top edge
    double x =
        Math.max(
            0, Math.min(getWidth() - magnifier.getWidth(), here.getX() - magnifier.getWidth() / 2));
    double y = here.getY() - magnifier.getHeight() - 24;
    if (y < 0) {
      y = here.getY() + 24;
    }
    magnifier.relocate(x, y);
    magnifier.setVisible(true);
    magnifier.toFront();
  }

  /**
   * The image rectangle the main viewport shows (output pixels; both sides show the same one), null
   * before it has a size. It may reach past the image's edges.
   */
  public ReadOnlyObjectProperty<Rectangle2D> visibleRegionProperty() {
    return visibleRegion.getReadOnlyProperty();
  }

  /** The note over the image while it is being computed, e.g. "Updating WBSR… 40 %". */
  public StringProperty renderNoteProperty() {
    return renderNote;
  }

  private void updateVisibleRegion() {
    double w = main.getWidth();
    double h = main.getHeight();
    if (w <= 0 || h <= 0) {
      return;
    }
    double z = transform.getZoom();
    visibleRegion.set(
        new Rectangle2D(transform.imageX(0, w), transform.imageY(0, h), w / z, h / z));
  }

  private void relayout() {
    pair.getChildren().clear();
    getChildren().clear();
    if (mode.get() == CompareMode.SIDE_BY_SIDE) {
      pair.getChildren().addAll(main, second);
      getChildren().add(pair);
    } else {
      getChildren().add(main);
    }
    getChildren().addAll(note, magnifier);
  }

  public ObjectProperty<CompareMode> modeProperty() {
    return mode;
  }

  public ObjectProperty<PixelSource> leftProperty() {
    return left;
  }

  public ObjectProperty<PixelSource> rightProperty() {
    return right;
  }

  public ObjectProperty<OverlayMap> overlayProperty() {
    return overlay;
  }

  public DoubleProperty overlayOpacityProperty() {
    return opacity;
  }

  public BooleanProperty flipHeldProperty() {
    return flipHeld;
  }

  public StringProperty leftLabelProperty() {
    return leftLabel;
  }

  public StringProperty rightLabelProperty() {
    return rightLabel;
  }

  public ViewTransform transform() {
    return transform;
  }

  public ImageViewport mainViewport() {
    return main;
  }

  public ImageViewport secondViewport() {
    return second;
  }

  public void setHoverText(java.util.function.BiFunction<Double, Double, String> f) {
    main.hoverTextProperty().set(f);
    second.hoverTextProperty().set(f);
  }

  /**
   * Hides both sides' hover cards, e.g. when another image, a paste or another model replaces the
   * shown one.
   */
  public void hideHover() {
    main.hideHover();
    second.hideHover();
  }

  public void setBackgroundColor(int rgb) {
    magnifier.setBackgroundColor(rgb);
    main.setBackgroundColor(rgb);
    second.setBackgroundColor(rgb);
  }

  /** Repaints after the pixels of a shown source changed in place (progressive refresh). */
  public void repaint() {
    main.repaint();
    second.repaint();
  }

  public void fit() {
    main.fit();
  }

  public void actualSize() {
    main.actualSize();
  }

  public void zoomBy(double f) {
    main.zoomBy(f);
  }
}

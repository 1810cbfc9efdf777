package dev.wbsr.ui.viewer;

import java.util.function.BiFunction;
import javafx.application.Platform;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;

/**
 * One viewport onto an image. Keeps a single screen-sized buffer and re-renders the visible region
 * on every change (coalesced to one paint per pulse), so a 24-megapixel image costs no copies.
 * Scroll zooms at the cursor, drag pans, double-click toggles fit / 100 %.
 */
public final class ImageViewport extends Region {

  private final ObjectProperty<ViewTransform> transform =
      new SimpleObjectProperty<>(this, "transform", new ViewTransform());
  private final ObjectProperty<PixelSource> left = new SimpleObjectProperty<>(this, "left");
  private final ObjectProperty<PixelSource> right = new SimpleObjectProperty<>(this, "right");
  private final ObjectProperty<OverlayMap> overlay = new SimpleObjectProperty<>(this, "overlay");
  private final DoubleProperty overlayOpacity = new SimpleDoubleProperty(this, "opacity", 0.5);
  private final BooleanProperty splitVisible = new SimpleBooleanProperty(this, "split", false);
  private final DoubleProperty splitFraction = new SimpleDoubleProperty(this, "splitFraction", 0.5);
  private final BooleanProperty flipped = new SimpleBooleanProperty(this, "flipped", false);
  private final StringProperty leftLabel = new SimpleStringProperty(this, "leftLabel", "");
  private final StringProperty rightLabel = new SimpleStringProperty(this, "rightLabel", "");
  private final ObjectProperty<BiFunction<Double, Double, String>> hoverText =
      new SimpleObjectProperty<>(this, "hoverText");
  private int background = 0x202124;

  private final ImageView view = new ImageView();
  private final Region splitHandle = new Region();
  private final Label leftTag = new Label();
  private final Label rightTag = new Label();
  private final Label hover = new Label();
  private WritableImage buffer;
  private int[] pixels = new int[0];
  private int bufW;
  private int bufH;
  private boolean paintScheduled;
  private double dragX;
  private double dragY;
  private long paints;

  public ImageViewport() {
    getStyleClass().add("image-viewport");
    setFocusTraversable(true);
    setMinSize(50, 50);
    view.setSmooth(false);
    view.setManaged(false);
    splitHandle.getStyleClass().add("split-handle");
    splitHandle.setCursor(Cursor.H_RESIZE);
    splitHandle.setManaged(false);
    splitHandle.visibleProperty().bind(splitVisible);
    leftTag.getStyleClass().add("viewport-tag");
    rightTag.getStyleClass().add("viewport-tag");
    leftTag.textProperty().bind(leftLabel);
    rightTag.textProperty().bind(rightLabel);
    leftTag.visibleProperty().bind(leftLabel.isNotEmpty());
    rightTag.visibleProperty().bind(rightLabel.isNotEmpty().and(splitVisible));
    leftTag.setManaged(false);
    rightTag.setManaged(false);
    leftTag.getStyleClass().add("left-tag");
    rightTag.getStyleClass().add("right-tag");
    // unmanaged, so a new text does not lay the viewport out by itself: the tags would keep the
    // old text's width (the right one anchored by its old width), clipped or with a wide box
    leftLabel.addListener(x -> requestLayout());
    rightLabel.addListener(x -> requestLayout());
    hover.getStyleClass().add("hover-info");
    hover.setId("hoverInfo");
    hover.setManaged(false);
    hover.setVisible(false);
    hover.setMouseTransparent(true);
    hover.setAlignment(Pos.TOP_LEFT);
    getChildren().addAll(view, splitHandle, leftTag, rightTag, hover);
    Rectangle clip = new Rectangle();
    clip.widthProperty().bind(widthProperty());
    clip.heightProperty().bind(heightProperty());
    setClip(clip);

    for (Observable o :
        new Observable[] {
          left, right, overlay, overlayOpacity, splitVisible, splitFraction, flipped
        }) {
      o.addListener(x -> repaint());
    }
    splitFraction.addListener(x -> requestLayout());
    transform.addListener((obs, was, now) -> bindTransform(now));
    bindTransform(transform.get());
    left.addListener(
        (obs, was, now) -> {
          if (now != null
              && (was == null || was.width() != now.width() || was.height() != now.height())) {
            transform.get().requestFit();
            requestLayout();
          }
        });
    installMouse();
  }

  private void bindTransform(ViewTransform t) {
    t.zoomProperty().addListener(x -> repaint());
    t.centerXProperty().addListener(x -> repaint());
    t.centerYProperty().addListener(x -> repaint());
  }

  // ---- properties ------------------------------------------------------------------------------

  public ObjectProperty<ViewTransform> transformProperty() {
    return transform;
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
    return overlayOpacity;
  }

  public BooleanProperty splitVisibleProperty() {
    return splitVisible;
  }

  public DoubleProperty splitFractionProperty() {
    return splitFraction;
  }

  public BooleanProperty flippedProperty() {
    return flipped;
  }

  public StringProperty leftLabelProperty() {
    return leftLabel;
  }

  public StringProperty rightLabelProperty() {
    return rightLabel;
  }

  public ObjectProperty<BiFunction<Double, Double, String>> hoverTextProperty() {
    return hoverText;
  }

  public void setBackgroundColor(int rgb) {
    background = rgb;
    repaint();
  }

  /** Number of paints so far (tests use it to see progressive refreshes). */
  public long paintCount() {
    return paints;
  }

  // ---- commands --------------------------------------------------------------------------------

  public void fit() {
    PixelSource s = left.get();
    if (s != null) {
      transform.get().fit(s.width(), s.height(), getWidth(), getHeight());
    }
  }

  public void actualSize() {
    transform.get().setZoom(1);
  }

  public void zoomBy(double factor) {
    transform.get().zoomAt(factor, getWidth() / 2, getHeight() / 2, getWidth(), getHeight());
  }

  /** Schedules a repaint at the next pulse; cheap to call often (e.g. per inference batch). */
  public void repaint() {
    if (!paintScheduled) {
      paintScheduled = true;
      Platform.runLater(this::paintNow);
    }
  }

  // ---- layout and paint ------------------------------------------------------------------------

  @Override
  protected void layoutChildren() {
    double w = getWidth();
    double h = getHeight();
    if (transform.get().consumeFitRequest()) {
      if (left.get() == null || w <= 0) {
        transform.get().requestFit();
      } else {
        fit();
      }
    }
    double sx = Math.round(w * splitFraction.get());
    splitHandle.resizeRelocate(sx - 3, 0, 6, h);
    leftTag.autosize();
    leftTag.relocate(8, 8);
    rightTag.autosize();
    rightTag.relocate(w - rightTag.getWidth() - 8, 8);
    hover.autosize();
    repaint();
  }

  private void paintNow() {
    paintScheduled = false;
    double scale = renderScale();
    int w = (int) Math.floor(getWidth() * scale);
    int h = (int) Math.floor(getHeight() * scale);
    if (w <= 0 || h <= 0) {
      return;
    }
    if (buffer == null || w != bufW || h != bufH) {
      bufW = w;
      bufH = h;
      buffer = new WritableImage(w, h);
      pixels = new int[w * h];
      view.setImage(buffer);
    }
    view.setFitWidth(getWidth());
    view.setFitHeight(getHeight());
    ViewTransform t = transform.get();
    PixelSource a = flipped.get() && right.get() != null ? right.get() : left.get();
    int split = splitVisible.get() ? (int) Math.round(w * splitFraction.get()) : -1;
    ViewportRenderer.Frame frame =
        new ViewportRenderer.Frame(
            a,
            right.get(),
            split,
            overlay.get(),
            overlayOpacity.get(),
            t.getZoom() * scale,
            t.centerXProperty().get(),
            t.centerYProperty().get(),
            background);
    ViewportRenderer.render(pixels, w, h, frame);
    buffer
        .getPixelWriter()
        .setPixels(0, 0, w, h, PixelFormat.getIntArgbPreInstance(), pixels, 0, w);
    paints++;
  }

  private double renderScale() {
    if (getScene() == null || getScene().getWindow() == null) {
      return 1;
    }
    return Math.max(1, getScene().getWindow().getRenderScaleX());
  }

  // ---- mouse -----------------------------------------------------------------------------------

  private boolean nearSplit(double x) {
    return splitVisible.get() && Math.abs(x - getWidth() * splitFraction.get()) < 8;
  }

  private void installMouse() {
    addEventHandler(
        ScrollEvent.SCROLL,
        e -> {
          if (e.getDeltaY() != 0) {
            double f = Math.pow(1.005, e.getDeltaY());
            transform.get().zoomAt(f, e.getX(), e.getY(), getWidth(), getHeight());
          }
          e.consume();
        });
    addEventHandler(
        MouseEvent.MOUSE_PRESSED,
        e -> {
          requestFocus();
          dragX = e.getX();
          dragY = e.getY();
          splitDrag = nearSplit(e.getX());
        });
    addEventHandler(
        MouseEvent.MOUSE_DRAGGED,
        e -> {
          if (splitDrag) {
            splitFraction.set(Math.max(0, Math.min(1, e.getX() / getWidth())));
          } else if (e.getButton() == MouseButton.PRIMARY || e.getButton() == MouseButton.MIDDLE) {
            transform.get().panBy(e.getX() - dragX, e.getY() - dragY);
            setCursor(Cursor.CLOSED_HAND);
          }
          dragX = e.getX();
          dragY = e.getY();
          showHover(e.getX(), e.getY());
        });
    addEventHandler(MouseEvent.MOUSE_RELEASED, e -> setCursor(Cursor.DEFAULT));
    addEventHandler(
        MouseEvent.MOUSE_CLICKED,
        e -> {
          if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
            if (Math.abs(transform.get().getZoom() - 1) < 1e-6) {
              fit();
            } else {
              transform
                  .get()
                  .zoomAt(
                      1 / transform.get().getZoom(), e.getX(), e.getY(), getWidth(), getHeight());
            }
          }
        });
    addEventHandler(MouseEvent.MOUSE_MOVED, e -> showHover(e.getX(), e.getY()));
    addEventHandler(
        javafx.scene.input.KeyEvent.KEY_PRESSED,
        e -> {
          double step = Math.min(getWidth(), getHeight()) * 0.1;
          switch (e.getCode()) {
            case LEFT -> transform.get().panBy(step, 0);
            case RIGHT -> transform.get().panBy(-step, 0);
            case UP -> transform.get().panBy(0, step);
            case DOWN -> transform.get().panBy(0, -step);
            default -> {
              return;
            }
          }
          e.consume();
        });
    addEventHandler(MouseEvent.MOUSE_EXITED, e -> hover.setVisible(false));
  }

  private boolean splitDrag;

  /** Shows the hover card for viewport point (x, y); public so keyboard users and tests can. */
  public void showHover(double x, double y) {
    BiFunction<Double, Double, String> f = hoverText.get();
    ViewTransform t = transform.get();
    String text = f == null ? null : f.apply(t.imageX(x, getWidth()), t.imageY(y, getHeight()));
    if (text == null || text.isEmpty()) {
      hover.setVisible(false);
      return;
    }
    hover.setText(text);
    hover.autosize();
    double hx = x + 16 + hover.getWidth() > getWidth() ? x - 12 - hover.getWidth() : x + 16;
    double hy = y + 16 + hover.getHeight() > getHeight() ? y - 12 - hover.getHeight() : y + 16;
    hover.relocate(Math.max(0, hx), Math.max(0, hy));
    hover.setVisible(true);
  }

  /** Takes the hover card down (its patch belongs to an image or model no longer shown). */
  public void hideHover() {
    hover.setVisible(false);
  }

  public String hoverTextShown() {
    return hover.isVisible() ? hover.getText() : null;
  }
}

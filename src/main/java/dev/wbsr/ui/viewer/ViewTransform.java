package dev.wbsr.ui.viewer;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * Zoom (screen pixels per image pixel) and the image point at the viewport centre. Shared by the
 * two viewports of the side-by-side compare, which keeps them in sync.
 */
public final class ViewTransform {

  public static final double MIN_ZOOM = 1 / 64.0;
  public static final double MAX_ZOOM = 32;

  private final DoubleProperty zoom = new SimpleDoubleProperty(this, "zoom", 1);
  private final DoubleProperty centerX = new SimpleDoubleProperty(this, "centerX", 0);
  private final DoubleProperty centerY = new SimpleDoubleProperty(this, "centerY", 0);
  private boolean fitPending = true;

  public DoubleProperty zoomProperty() {
    return zoom;
  }

  public DoubleProperty centerXProperty() {
    return centerX;
  }

  public DoubleProperty centerYProperty() {
    return centerY;
  }

  public double getZoom() {
    return zoom.get();
  }

  /** Image x under viewport x for a viewport of width w. */
  public double imageX(double sx, double w) {
    return centerX.get() + (sx - w / 2) / zoom.get();
  }

  public double imageY(double sy, double h) {
    return centerY.get() + (sy - h / 2) / zoom.get();
  }

  public void fit(double imgW, double imgH, double viewW, double viewH) {
    if (viewW <= 0 || viewH <= 0) {
      fitPending = true;
      return;
    }
    double z = Math.min(viewW / imgW, viewH / imgH) * 0.98;
    zoom.set(clamp(z));
    centerX.set(imgW / 2);
    centerY.set(imgH / 2);
    fitPending = false;
  }

  /** Asks the next layout to fit (e.g. after a new image arrived before the view had a size). */
  public void requestFit() {
    fitPending = true;
  }

  public boolean consumeFitRequest() {
    boolean p = fitPending;
    fitPending = false;
    return p;
  }

  /** Zooms by {@code factor} keeping the image point under viewport (sx, sy) fixed. */
  public void zoomAt(double factor, double sx, double sy, double w, double h) {
    double ix = imageX(sx, w);
    double iy = imageY(sy, h);
    double z = clamp(zoom.get() * factor);
    zoom.set(z);
    centerX.set(ix - (sx - w / 2) / z);
    centerY.set(iy - (sy - h / 2) / z);
  }

  public void setZoom(double z) {
    zoom.set(clamp(z));
  }

  public void panBy(double dxScreen, double dyScreen) {
    centerX.set(centerX.get() - dxScreen / zoom.get());
    centerY.set(centerY.get() - dyScreen / zoom.get());
  }

  static double clamp(double z) {
    return Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, z));
  }
}

package dev.wbsr.ui.view;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.layout.Region;

/**
 * A toolbar or status bar that wraps instead of growing: items flow left to right and onto a new
 * line when the width runs out; the {@code trailing} node sits at the right end of the last line
 * (or of a line of its own). Its minimum width is that of its widest item, so a long text in it
 * never widens the window's content past the window (which cut off the chart and the status bar
 * during the trade-off sweep); an item wider than a line gets the line's width and ellipsizes.
 */
class FlowBar extends Region {

  private List<Node> items = List.of();
  private Node trailing;
  private final double hgap;
  private final double vgap;

  FlowBar(double hgap, double vgap) {
    this.hgap = hgap;
    this.vgap = vgap;
  }

  /** The items, in order, and the node kept at the right end (may be null). */
  final void setItems(Node trailing, Node... items) {
    this.items = List.of(items);
    this.trailing = trailing;
    getChildren().setAll(items);
    if (trailing != null) {
      getChildren().add(trailing);
    }
    requestLayout();
  }

  private record Place(Node node, int line, double x, double w, double h) {}

  private List<Node> shown() {
    List<Node> out = new ArrayList<>();
    for (Node n : items) {
      if (n.isManaged()) {
        out.add(n);
      }
    }
    return out;
  }

  private static double prefW(Node n) {
    return Math.max(n.minWidth(-1), n.prefWidth(-1));
  }

  /** Where each node goes for an inner width; the line heights in {@code heights}. */
  private List<Place> plan(double inner, List<Double> heights) {
    List<Place> out = new ArrayList<>();
    double x = 0;
    int line = 0;
    heights.add(0.0);
    for (Node n : shown()) {
      double w = Math.max(0, Math.min(prefW(n), inner));
      if (x > 0 && x + w > inner) {
        line++;
        x = 0;
        heights.add(0.0);
      }
      double h = n.prefHeight(w);
      out.add(new Place(n, line, x, w, h));
      heights.set(line, Math.max(heights.get(line), h));
      x += w + hgap;
    }
    if (trailing != null && trailing.isManaged()) {
      double w = Math.max(0, Math.min(prefW(trailing), inner));
      if (x > 0 && x + w > inner) {
        line++;
        heights.add(0.0);
      }
      double h = trailing.prefHeight(w);
      out.add(new Place(trailing, line, inner - w, w, h));
      heights.set(line, Math.max(heights.get(line), h));
    }
    return out;
  }

  @Override
  public Orientation getContentBias() {
    return Orientation.HORIZONTAL;
  }

  @Override
  protected double computePrefWidth(double height) {
    Insets in = getInsets();
    double w = 0;
    int n = 0;
    for (Node c : shown()) {
      w += prefW(c);
      n++;
    }
    if (trailing != null && trailing.isManaged()) {
      w += prefW(trailing);
      n++;
    }
    return in.getLeft() + w + Math.max(0, n - 1) * hgap + in.getRight();
  }

  @Override
  protected double computeMinWidth(double height) {
    return getInsets().getLeft() + getInsets().getRight();
  }

  @Override
  protected double computePrefHeight(double width) {
    Insets in = getInsets();
    double inner = (width < 0 ? computePrefWidth(-1) : width) - in.getLeft() - in.getRight();
    List<Double> heights = new ArrayList<>();
    plan(inner, heights);
    double h = 0;
    for (double lh : heights) {
      h += lh;
    }
    return in.getTop() + h + Math.max(0, heights.size() - 1) * vgap + in.getBottom();
  }

  @Override
  protected double computeMinHeight(double width) {
    return computePrefHeight(width);
  }

  @Override
  protected void layoutChildren() {
    Insets in = getInsets();
    double inner = getWidth() - in.getLeft() - in.getRight();
    List<Double> heights = new ArrayList<>();
    List<Place> places = plan(inner, heights);
    double[] tops = new double[heights.size()];
    double y = in.getTop();
    for (int i = 0; i < tops.length; i++) {
      tops[i] = y;
      y += heights.get(i) + vgap;
    }
    for (Place p : places) {
      double lh = heights.get(p.line());
      double top = tops[p.line()] + (lh - p.h()) / 2;
      p.node()
          .resizeRelocate(
              snapPositionX(in.getLeft() + p.x()),
              snapPositionY(top),
              snapSizeX(p.w()),
              snapSizeY(p.h()));
    }
  }

  /** How many lines the bar uses at its current width (tests). */
  int lines() {
    Insets in = getInsets();
    List<Double> heights = new ArrayList<>();
    plan(getWidth() - in.getLeft() - in.getRight(), heights);
    return heights.size();
  }
}

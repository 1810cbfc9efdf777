package dev.wbsr.ui.model;

import dev.wbsr.image.RgbImage;
import dev.wbsr.pipeline.Assignment;
import dev.wbsr.ui.viewer.PixelSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The pixels of each variant of the current document (persistent targets that renders fill in
 * place), which routing each fully reflects, and which routing last failed. FX thread only.
 */
final class VariantOutputs {

  private final Map<Variant, RgbImage> outputs = new EnumMap<>(Variant.class);
  private final Map<Variant, Assignment> complete = new EnumMap<>(Variant.class);
  private final Map<Variant, Assignment> failed = new EnumMap<>(Variant.class);

  void clear() {
    outputs.clear();
    complete.clear();
    failed.clear();
  }

  /** A copy of what is held now (the images themselves are shared), to park with a document. */
  VariantOutputs snapshot() {
    VariantOutputs c = new VariantOutputs();
    c.restore(this);
    return c;
  }

  void restore(VariantOutputs from) {
    outputs.putAll(from.outputs);
    complete.putAll(from.complete);
    failed.putAll(from.failed);
  }

  RgbImage get(Variant v) {
    return outputs.get(v);
  }

  void put(Variant v, RgbImage img) {
    outputs.put(v, img);
  }

  void completed(Variant v, Assignment r, RgbImage img) {
    outputs.put(v, img);
    complete.put(v, r);
  }

  void failed(Variant v, Assignment r) {
    failed.put(v, r);
  }

  /** True when {@code v} shows {@code current} entirely (inputs and ground truth always do). */
  boolean isComplete(Variant v, Assignment current) {
    if (v == Variant.INPUT || v == Variant.GROUND_TRUTH) {
      return true;
    }
    return matches(complete, v, current);
  }

  /** True when rendering {@code current} already failed (reported once, not retried). */
  boolean hasFailed(Variant v, Assignment current) {
    return matches(failed, v, current);
  }

  private static boolean matches(Map<Variant, Assignment> done, Variant v, Assignment current) {
    if (!done.containsKey(v)) {
      return false;
    }
    Assignment r = done.get(v);
    return v.fixedRouting() || Renders.same(r, current);
  }

  static boolean available(Document d, Variant v) {
    boolean classSr = Bundles.isClassSr(d.bundle());
    return switch (v) {
      case GROUND_TRUTH -> d.groundTruth() != null;
      case ARM -> !classSr && Bundles.hasArm(d.bundle());
      case WBSR -> !classSr || d.foreign(v);
      case CLASSSR -> classSr || d.foreign(v);
      default -> true;
    };
  }

  /** The variants a side of the viewer can show for this document (all of them without one). */
  static List<Variant> choices(Document d) {
    List<Variant> out = new ArrayList<>();
    for (Variant v : Variant.values()) {
      boolean offered =
          d == null
              ? v != Variant.CLASSSR
              : available(d, v)
                  || v == Variant.GROUND_TRUTH
                  || v == Variant.ARM && !Bundles.isClassSr(d.bundle());
      if (offered) {
        out.add(v);
      }
    }
    return out;
  }

  PixelSource source(Document d, Variant v) {
    if (d == null) {
      return null;
    }
    return switch (v) {
      case INPUT -> PixelSource.enlarged(d.lr(), d.scale());
      case GROUND_TRUTH -> PixelSource.of(d.groundTruth());
      default -> PixelSource.of(outputs.get(v));
    };
  }

  /** The name of {@code v} for this document: the companion's bundle, ClassSR's widest branch. */
  static String name(Document d, Variant v) {
    if (d == null) {
      return v.label();
    }
    if (v == Variant.SUPERNET && Bundles.isClassSr(d.bundle())) {
      return "Widest branch";
    }
    if (d.foreign(v)) {
      return v.label() + " (" + d.companion().bundle().name() + ")";
    }
    return v.label();
  }

  static String label(Document d, Variant v) {
    return d != null && !available(d, v) ? v.label() + " (not available)" : name(d, v);
  }
}

package dev.wbsr.ui.model;

import static dev.wbsr.ui.FxTestSupport.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wbsr.ui.FxTestSupport;
import dev.wbsr.ui.viewer.CompareMode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A render batch repaints the viewer only when its variant is on screen (issue 15: Measure
 * Quality's supernet batches downscaled the shown image on the FX thread for nothing).
 */
class CompareRepaintTest {

  @BeforeAll
  static void toolkit() throws Exception {
    FxTestSupport.initToolkit();
  }

  @Test
  void batchesOfAHiddenVariantDoNotRepaint() {
    CompareState c = new CompareState();
    assertThat(batch(c, Variant.SUPERNET)).as("single view shows WBSR only").isZero();
    assertThat(batch(c, Variant.WBSR)).isEqualTo(1);

    onFx(
        () -> {
          c.mode.set(CompareMode.SIDE_BY_SIDE);
          c.rightVariant.set(Variant.SUPERNET);
        });
    assertThat(batch(c, Variant.SUPERNET)).as("now on the right").isEqualTo(1);
    assertThat(batch(c, Variant.BICUBIC)).isZero();

    onFx(() -> c.mode.set(CompareMode.SINGLE));
    assertThat(batch(c, Variant.SUPERNET)).as("single again: the right side is hidden").isZero();
    onFx(() -> c.leftVariant.set(Variant.SUPERNET));
    assertThat(batch(c, Variant.SUPERNET)).isEqualTo(1);
  }

  /** Posts one batch of {@code v} from this (non-FX) thread; returns the repaints it caused. */
  private static long batch(CompareState c, Variant v) {
    long before = onFx(() -> c.revisionProperty().get());
    c.postRevisionIfShown(v);
    onFx(() -> {}); // the posted repaint, if any, runs before this
    return onFx(() -> c.revisionProperty().get()) - before;
  }
}

package dev.wbsr.pipeline;

import java.util.Locale;

/**
 * WBSR's compute budget, one value from the slider or {@code --budget} to {@link BudgetRouting}:
 * either the paper's rule (Eq. 15, no budget) or a fraction in (0, 1] of the supernet's FLOPs on
 * the image. {@link #DEFAULT} is the paper's rule everywhere (CLI, app, report).
 */
public sealed interface Budget {

  Budget DEFAULT = new PaperRule();

  /** Eq. 15 without a budget: class k runs member {@code ceil(k M / K)}. */
  record PaperRule() implements Budget {
    @Override
    public String label() {
      return "paper rule";
    }
  }

  /** At most {@code value} times the supernet's FLOPs on the image; 1 = supernet everywhere. */
  record Fraction(double value) implements Budget {
    public Fraction {
      if (!(value > 0 && value <= 1)) {
        throw new IllegalArgumentException("budget must be in (0, 1], got " + value);
      }
    }

    @Override
    public String label() {
      return String.format(Locale.ROOT, "budget %.2f", value);
    }
  }

  String label();

  /** {@code --budget}: absent is the paper rule. */
  static Budget of(Double fraction) {
    return fraction == null ? DEFAULT : new Fraction(fraction);
  }

  /**
   * A slider position in [0, 1]: the left end (below half a percent) is the paper rule, the rest a
   * fraction (the slider's only sentinel lives here).
   */
  static Budget ofSlider(double position) {
    return position < 0.005 ? DEFAULT : new Fraction(Math.min(1, position));
  }

  /** The slider position that shows this budget (the paper rule sits at 0). */
  default double sliderPosition() {
    return this instanceof Fraction f ? f.value() : 0;
  }
}

package dev.wbsr.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one rounding rule of both results pages ({@code docs/RESULTS.md} here, {@code
 * training/RESULTS.md} in {@code training/wbsr/numbers.py}): a number is rounded half-up (away from
 * zero) from its shortest decimal form, the digits a reader sees in a manifest, so 0.8595 as a
 * percentage with one decimal is 86.0 % on both pages. {@code testvectors/rounding.json} holds the
 * cases both sides are tested against.
 *
 * <p>Why not {@code String.format} alone: it rounds the binary value half-up while Python rounds it
 * half-even, so the two pages would disagree on exact binary ties (0.125 to two decimals).
 */
public final class Decimals {

  private static final Pattern SPEC =
      Pattern.compile("%(\\d+\\$)?([-#+ 0,(<]*)(\\d+)?(\\.(\\d+))?([a-zA-Z%])");

  private Decimals() {}

  /** {@code v} rounded by the rule to {@code decimals} places (no negative zero). */
  public static BigDecimal round(double v, int decimals) {
    BigDecimal r = new BigDecimal(Double.toString(v)).setScale(decimals, RoundingMode.HALF_UP);
    return r.signum() == 0 ? r.abs() : r;
  }

  /** {@code v} with {@code decimals} places, e.g. {@code fixed(0.12345, 3)} = {@code 0.123}. */
  public static String fixed(double v, int decimals) {
    return Double.isFinite(v) ? round(v, decimals).toPlainString() : Double.toString(v);
  }

  /** A ratio as a percentage with {@code decimals} places, shifted in decimal: 0.8595 -> 86.0. */
  public static String percent(double ratio, int decimals) {
    if (!Double.isFinite(ratio)) {
      return Double.toString(ratio);
    }
    BigDecimal r =
        new BigDecimal(Double.toString(ratio))
            .movePointRight(2)
            .setScale(decimals, RoundingMode.HALF_UP);
    return (r.signum() == 0 ? r.abs() : r).toPlainString();
  }

  /**
   * A ratio times 100, shifted in decimal so that formatting it rounds like {@link #percent}:
   * {@code percentValue(0.8585)} is the double nearest 85.85, not {@code 100 * 0.8585} =
   * 85.85000000000001.
   */
  public static double percentValue(double ratio) {
    return Double.isFinite(ratio)
        ? new BigDecimal(Double.toString(ratio)).movePointRight(2).doubleValue()
        : ratio;
  }

  /**
   * {@link String#format} in {@link Locale#ROOT}, with every finite double printed by a {@code
   * %.Nf} conversion rounded by the rule (so {@code %+.3f} of -0.0004 prints {@code +0.000}).
   */
  public static String format(String pattern, Object... args) {
    Object[] out = args.clone();
    // the most decimals each argument is printed with by a %.Nf conversion
    Map<Integer, Integer> decimals = new HashMap<>();
    Matcher m = SPEC.matcher(pattern);
    int next = 0;
    while (m.find()) {
      char conv = m.group(6).charAt(0);
      if (conv == '%' || conv == 'n') {
        continue;
      }
      int index = m.group(1) != null ? Integer.parseInt(m.group(1).replace("$", "")) - 1 : next++;
      if (conv == 'f' && m.group(5) != null) {
        decimals.merge(index, Integer.parseInt(m.group(5)), Math::max);
      }
    }
    for (Map.Entry<Integer, Integer> e : decimals.entrySet()) {
      int i = e.getKey();
      if (i < out.length && out[i] instanceof Double d && Double.isFinite(d)) {
        // the Formatter rounds a BigDecimal half-up: handing it the shortest decimal form makes
        // every %.Nf of it follow the rule; a value that rounds to zero prints without a sign
        BigDecimal exact = new BigDecimal(Double.toString(d));
        out[i] = round(d, e.getValue()).signum() == 0 ? BigDecimal.ZERO : exact;
      }
    }
    return String.format(Locale.ROOT, pattern, out);
  }
}

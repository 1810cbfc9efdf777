package dev.wbsr.metrics;

/**
 * MATLAB {@code imresize} weights for one axis: for each output index, the input indices it reads
 * (already mirrored into range) and their weights. Computed exactly as the Python reference ({@code
 * training/wbsr/bicubic.py}) does, including the order of the floating-point sums, so the two sides
 * agree to the last bits.
 */
final class Contributions {

  final int outLength;
  final int taps;

  /** {@code index[o * taps + k]}: 0-based input index of tap k of output o. */
  final int[] index;

  final double[] weight;

  private Contributions(int outLength, int taps, int[] index, double[] weight) {
    this.outLength = outLength;
    this.taps = taps;
    this.index = index;
    this.weight = weight;
  }

  /** Keys cubic, a = -0.5, written term by term like the reference. */
  static double cubic(double x) {
    double absx = Math.abs(x);
    double absx2 = absx * absx;
    double absx3 = absx2 * absx;
    double inner = absx <= 1 ? 1.5 * absx3 - 2.5 * absx2 + 1.0 : 0.0;
    double outer = absx > 1 && absx <= 2 ? -0.5 * absx3 + 2.5 * absx2 - 4.0 * absx + 2.0 : 0.0;
    return inner + outer;
  }

  static Contributions of(int inLength, int outLength, double scale) {
    boolean antialias = scale < 1;
    double kernelWidth = antialias ? 4.0 / scale : 4.0;
    int taps = (int) Math.ceil(kernelWidth) + 2;
    double[] w = new double[outLength * taps];
    long[] idx = new long[outLength * taps];
    double[] row = new double[taps];
    for (int o = 0; o < outLength; o++) {
      double u = (o + 1) / scale + 0.5 * (1.0 - 1.0 / scale);
      double left = Math.floor(u - kernelWidth / 2.0);
      for (int k = 0; k < taps; k++) {
        double index = left + k;
        double distance = u - index;
        row[k] = antialias ? scale * cubic(distance * scale) : cubic(distance);
        idx[o * taps + k] = (long) index;
      }
      double sum = numpySum(row);
      for (int k = 0; k < taps; k++) {
        w[o * taps + k] = row[k] / sum;
      }
    }
    // Drop taps whose weight is zero for every output.
    boolean[] keep = new boolean[taps];
    int kept = 0;
    for (int k = 0; k < taps; k++) {
      for (int o = 0; o < outLength && !keep[k]; o++) {
        keep[k] = w[o * taps + k] != 0;
      }
      kept += keep[k] ? 1 : 0;
    }
    int[] index = new int[outLength * kept];
    double[] weight = new double[outLength * kept];
    for (int o = 0; o < outLength; o++) {
      int j = 0;
      for (int k = 0; k < taps; k++) {
        if (keep[k]) {
          index[o * kept + j] = mirror(idx[o * taps + k], inLength);
          weight[o * kept + j] = w[o * taps + k];
          j++;
        }
      }
    }
    return new Contributions(outLength, kept, index, weight);
  }

  /** 1-based index to 0-based, mirrored symmetrically: ... 2 1 | 1 2 ... n | n n-1 ... */
  static int mirror(long oneBased, int n) {
    long m = Math.floorMod(oneBased - 1, 2L * n);
    return (int) (m < n ? m : 2L * n - 1 - m);
  }

  /** numpy's pairwise sum of a contiguous float64 row (plain loop below 8, 8 lanes up to 128). */
  static double numpySum(double[] a) {
    return pairwise(a, 0, a.length);
  }

  private static double pairwise(double[] a, int off, int n) {
    if (n < 8) {
      double res = 0.0;
      for (int i = 0; i < n; i++) {
        res += a[off + i];
      }
      return res;
    }
    if (n <= 128) {
      double[] r = new double[8];
      System.arraycopy(a, off, r, 0, 8);
      int i;
      for (i = 8; i < n - (n % 8); i += 8) {
        for (int j = 0; j < 8; j++) {
          r[j] += a[off + i + j];
        }
      }
      double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
      for (; i < n; i++) {
        res += a[off + i];
      }
      return res;
    }
    int n2 = n / 2;
    n2 -= n2 % 8;
    return pairwise(a, off, n2) + pairwise(a, off + n2, n - n2);
  }
}

package dev.wbsr.engine;

/** A float32 batch in NCHW order, C order in memory. */
public record Nchw(float[] data, int n, int c, int h, int w) {

  public Nchw {
    if ((long) n * c * h * w != data.length) {
      throw new IllegalArgumentException(
          "tensor of "
              + data.length
              + " floats does not have shape ["
              + n
              + ","
              + c
              + ","
              + h
              + ","
              + w
              + "]");
    }
  }
}

package dev.wbsr.pipeline;

import dev.wbsr.engine.Nchw;
import dev.wbsr.engine.SrEngine;
import dev.wbsr.image.RgbImage;
import java.util.ArrayList;
import java.util.List;

/** Runs one batch of same-shape tiles and returns each tile's core output as 8-bit RGB. */
final class TileExecutor {

  private final RgbImage lr;
  private final SrEngine engine;
  private final Resampler bicubic;
  private final int scale;

  TileExecutor(RgbImage lr, SrEngine engine, Resampler bicubic, int scale) {
    this.lr = lr;
    this.engine = engine;
    this.bicubic = bicubic;
    this.scale = scale;
  }

  List<RgbImage> run(List<Tile> batch) {
    Tile first = batch.get(0);
    List<RgbImage> out = new ArrayList<>(batch.size());
    if (first.subnet() == Assignment.BICUBIC) {
      for (Tile t : batch) {
        RgbImage in = crop(lr, t.inX(), t.inY(), t.inW(), t.inH());
        RgbImage up = bicubic.resize(in, t.inW() * scale, t.inH() * scale);
        out.add(
            crop(
                up,
                (t.x() - t.inX()) * scale,
                (t.y() - t.inY()) * scale,
                t.w() * scale,
                t.h() * scale));
      }
      return out;
    }
    int h = first.inH();
    int w = first.inW();
    int plane = h * w;
    float[] input = new float[batch.size() * 3 * plane];
    byte[] rgb = lr.rgb();
    for (int n = 0; n < batch.size(); n++) {
      Tile t = batch.get(n);
      int base = n * 3 * plane;
      for (int y = 0; y < h; y++) {
        int src = ((t.inY() + y) * lr.width() + t.inX()) * 3;
        int dst = base + y * w;
        for (int x = 0; x < w; x++, src += 3, dst++) {
          input[dst] = (rgb[src] & 0xFF) / 255f;
          input[dst + plane] = (rgb[src + 1] & 0xFF) / 255f;
          input[dst + 2 * plane] = (rgb[src + 2] & 0xFF) / 255f;
        }
      }
    }
    Nchw result = engine.run(first.subnet(), new Nchw(input, batch.size(), 3, h, w));
    int oh = h * scale;
    int ow = w * scale;
    if (result.n() != batch.size() || result.c() != 3 || result.h() != oh || result.w() != ow) {
      throw new IllegalStateException(
          "subnet "
              + first.subnet()
              + " returned ["
              + result.n()
              + ","
              + result.c()
              + ","
              + result.h()
              + ","
              + result.w()
              + "], expected ["
              + batch.size()
              + ",3,"
              + oh
              + ","
              + ow
              + "]");
    }
    for (int n = 0; n < batch.size(); n++) {
      out.add(toRgb(result.data(), n, oh, ow, batch.get(n)));
    }
    return out;
  }

  /** Clamps to [0, 1], rounds to 8 bits and keeps the tile's core. */
  private RgbImage toRgb(float[] data, int n, int oh, int ow, Tile t) {
    int cw = t.w() * scale;
    int ch = t.h() * scale;
    int ox = (t.x() - t.inX()) * scale;
    int oy = (t.y() - t.inY()) * scale;
    int plane = oh * ow;
    int base = n * 3 * plane;
    RgbImage img = RgbImage.allocate(cw, ch);
    byte[] dst = img.rgb();
    int d = 0;
    for (int y = 0; y < ch; y++) {
      int src = base + (oy + y) * ow + ox;
      for (int x = 0; x < cw; x++, src++) {
        dst[d++] = toByte(data[src]);
        dst[d++] = toByte(data[src + plane]);
        dst[d++] = toByte(data[src + 2 * plane]);
      }
    }
    return img;
  }

  static byte toByte(float v) {
    float c = v < 0f ? 0f : (v > 1f ? 1f : v);
    return (byte) (int) (c * 255f + 0.5f);
  }

  static RgbImage crop(RgbImage src, int x, int y, int w, int h) {
    RgbImage out = RgbImage.allocate(w, h);
    for (int r = 0; r < h; r++) {
      System.arraycopy(src.rgb(), ((y + r) * src.width() + x) * 3, out.rgb(), r * w * 3, w * 3);
    }
    return out;
  }
}

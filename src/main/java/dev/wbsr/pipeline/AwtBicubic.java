package dev.wbsr.pipeline;

import dev.wbsr.image.RgbImage;
import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * Interim bicubic upscaler (Java2D) for the {@code bicubic} route until the MATLAB-compatible
 * resize of {@code dev.wbsr.metrics} is on main; it then replaces this class.
 */
final class AwtBicubic implements Resampler {

  @Override
  public RgbImage resize(RgbImage src, int width, int height) {
    BufferedImage in = new BufferedImage(src.width(), src.height(), BufferedImage.TYPE_3BYTE_BGR);
    byte[] bgr = ((DataBufferByte) in.getRaster().getDataBuffer()).getData();
    swap(src.rgb(), bgr);
    AffineTransform t = AffineTransform.getScaleInstance((double) width / src.width(), (double) height / src.height());
    BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    new AffineTransformOp(t, AffineTransformOp.TYPE_BICUBIC).filter(in, out);
    RgbImage result = RgbImage.allocate(width, height);
    swap(((DataBufferByte) out.getRaster().getDataBuffer()).getData(), result.rgb());
    return result;
  }

  private static void swap(byte[] from, byte[] to) {
    for (int i = 0; i < from.length; i += 3) {
      to[i] = from[i + 2];
      to[i + 1] = from[i + 1];
      to[i + 2] = from[i];
    }
  }
}

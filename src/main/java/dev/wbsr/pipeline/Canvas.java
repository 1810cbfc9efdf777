package dev.wbsr.pipeline;

import dev.wbsr.image.RgbImage;

/**
 * An output-size image a session renders into, and the subnet each patch shows in it ({@link
 * UpscaleSession#NOT_RENDERED} where none has landed yet). The session's own SR image is one; a
 * caller's target (the app's view of one variant) is another, so the pixels exist once (issue 15:
 * at x2 on a 12-megapixel photo each copy is 144 MB). Accessed under the session's lock.
 */
record Canvas(RgbImage image, int[] rendered, int scale) {

  /** Copies the patch's pixels out, as a packed RGB block. */
  byte[] read(PatchGrid.Patch patch) {
    int rowBytes = patch.w() * scale * 3;
    int rows = patch.h() * scale;
    byte[] out = new byte[rowBytes * rows];
    for (int r = 0; r < rows; r++) {
      System.arraycopy(image.rgb(), offset(patch, r), out, r * rowBytes, rowBytes);
    }
    return out;
  }

  /** Writes a packed RGB block over the patch. */
  void write(PatchGrid.Patch patch, byte[] block) {
    int rowBytes = patch.w() * scale * 3;
    int rows = patch.h() * scale;
    for (int r = 0; r < rows; r++) {
      System.arraycopy(block, r * rowBytes, image.rgb(), offset(patch, r), rowBytes);
    }
  }

  /** The part of a tile's output that belongs to one patch, as a packed RGB block. */
  static byte[] block(RgbImage out, Tile tile, PatchGrid.Patch patch, int scale) {
    int rowBytes = patch.w() * scale * 3;
    int rows = patch.h() * scale;
    int ox = (patch.x() - tile.x()) * scale;
    int oy = (patch.y() - tile.y()) * scale;
    byte[] b = new byte[rowBytes * rows];
    for (int r = 0; r < rows; r++) {
      System.arraycopy(out.rgb(), ((oy + r) * out.width() + ox) * 3, b, r * rowBytes, rowBytes);
    }
    return b;
  }

  private int offset(PatchGrid.Patch patch, int row) {
    return ((patch.y() * scale + row) * image.width() + patch.x() * scale) * 3;
  }
}

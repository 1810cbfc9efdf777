package dev.wbsr.image;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Passes an encoder's output through, inserting extra bytes at a point found in its header: after
 * the IHDR chunk of a PNG, after the SOI (and a JFIF APP0, if first) of a JPEG. Lets metadata be
 * added while the image streams to disk, without holding the file in memory.
 */
final class InjectingOutputStream extends FilterOutputStream {

  private final ImageFormat format;
  private final byte[] injected;
  private byte[] head = new byte[64];
  private int headLen;
  private boolean done;

  InjectingOutputStream(OutputStream out, ImageFormat format, byte[] injected) {
    super(out);
    this.format = format;
    this.injected = injected;
    this.done = injected.length == 0;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    if (done) {
      out.write(b, off, len);
      return;
    }
    if (headLen + len > head.length) {
      head = Arrays.copyOf(head, Math.max(head.length * 2, headLen + len));
    }
    System.arraycopy(b, off, head, headLen, len);
    headLen += len;
    int at = splitPoint();
    if (at >= 0 && at <= headLen) {
      out.write(head, 0, at);
      out.write(injected);
      out.write(head, at, headLen - at);
      done = true;
      head = null;
    }
  }

  /** Where to insert, or -1 while more header bytes are needed. */
  private int splitPoint() throws IOException {
    if (format == ImageFormat.PNG) {
      return headLen >= 33 ? 33 : -1; // signature (8) + IHDR (4 + 4 + 13 + 4)
    }
    if (headLen < 6) {
      return -1;
    }
    if ((head[0] & 0xFF) != 0xFF || (head[1] & 0xFF) != 0xD8) {
      throw new IOException("encoder output is not a JPEG stream");
    }
    if ((head[2] & 0xFF) == 0xFF && (head[3] & 0xFF) == 0xE0) {
      return 4 + ((head[4] & 0xFF) << 8 | (head[5] & 0xFF));
    }
    return 2;
  }

  @Override
  public void close() throws IOException {
    if (!done && headLen > 0) {
      out.write(head, 0, headLen); // stream ended inside the header: pass it through untouched
    }
    super.close();
  }
}

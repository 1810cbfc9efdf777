package dev.wbsr.image;

import java.io.File;
import java.io.IOException;
import javax.imageio.stream.FileImageInputStream;

/**
 * A file stream that stops a decoder which keeps reading past the end of the file. TwelveMonkeys'
 * lossless WebP bit reader treats the end of the data as zero bits: on a damaged file whose header
 * asks for many Huffman tables it went on for minutes, one end-of-file exception per byte (found by
 * the fuzzer). A sound decoder meets the end a few dozen times at most.
 */
final class EofLimitedInput extends FileImageInputStream {

  /** Far above what a complete decode needs, far below what a runaway decode does. */
  static final int MAX_READS_PAST_END = 10_000;

  private int pastEnd;

  EofLimitedInput(File file) throws IOException {
    super(file);
  }

  @Override
  public int read() throws IOException {
    return counted(super.read());
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    return counted(super.read(b, off, len));
  }

  private int counted(int n) throws IOException {
    if (n < 0 && ++pastEnd > MAX_READS_PAST_END) {
      // not an EOFException: decoders catch those and carry on
      throw new IOException("the decoder kept reading past the end of the image data");
    }
    return n;
  }
}

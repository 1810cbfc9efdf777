package dev.wbsr.image;

/**
 * What a file's header says, read without decoding pixels.
 *
 * @param format the format found from the file's bytes
 * @param storedWidth width as stored
 * @param storedHeight height as stored
 * @param orientation the EXIF/TIFF orientation that loading will apply, 1..8
 */
public record ImageHeader(ImageFormat format, int storedWidth, int storedHeight, int orientation) {

  /** Width after orientation, i.e. of the image {@link ImageLoader#load} returns. */
  public int width() {
    return Orientation.swapsAxes(orientation) ? storedHeight : storedWidth;
  }

  /** Height after orientation. */
  public int height() {
    return Orientation.swapsAxes(orientation) ? storedWidth : storedHeight;
  }

  public long pixelCount() {
    return (long) storedWidth * storedHeight;
  }
}

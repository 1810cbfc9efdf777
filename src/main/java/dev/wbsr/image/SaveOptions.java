package dev.wbsr.image;

/**
 * How {@link ImageSaver} writes a file.
 *
 * @param format the output format, or null to take it from the target's extension
 * @param jpegQuality JPEG and WebP quality 1..100 (WebP: 100 is lossless)
 * @param overwrite replace an existing file (atomically); otherwise an existing target is an error
 * @param keepMetadata carry the source's ICC profile and EXIF to the output where the format allows
 * @param jpegAlpha what to do with transparency when writing JPEG, which has none
 */
public record SaveOptions(
    ImageFormat format,
    int jpegQuality,
    boolean overwrite,
    boolean keepMetadata,
    AlphaPolicy jpegAlpha) {

  /** JPEG cannot store alpha: composite onto white (what most editors export) or refuse. */
  public enum AlphaPolicy {
    FLATTEN_ON_WHITE,
    REFUSE
  }

  public static final int DEFAULT_JPEG_QUALITY = 92;

  public SaveOptions {
    if (format != null && !format.writable()) {
      throw new IllegalArgumentException(format.displayName() + " cannot be written");
    }
    if (jpegQuality < 1 || jpegQuality > 100) {
      throw new IllegalArgumentException("JPEG quality must be 1..100: " + jpegQuality);
    }
    if (jpegAlpha == null) {
      throw new IllegalArgumentException("jpegAlpha must be set");
    }
  }

  /** Format from the extension, quality 92, never overwrite, keep metadata, flatten alpha. */
  public static SaveOptions defaults() {
    return new SaveOptions(null, DEFAULT_JPEG_QUALITY, false, true, AlphaPolicy.FLATTEN_ON_WHITE);
  }

  public SaveOptions withFormat(ImageFormat f) {
    return new SaveOptions(f, jpegQuality, overwrite, keepMetadata, jpegAlpha);
  }

  public SaveOptions withJpegQuality(int q) {
    return new SaveOptions(format, q, overwrite, keepMetadata, jpegAlpha);
  }

  public SaveOptions withOverwrite(boolean o) {
    return new SaveOptions(format, jpegQuality, o, keepMetadata, jpegAlpha);
  }

  public SaveOptions withKeepMetadata(boolean k) {
    return new SaveOptions(format, jpegQuality, overwrite, k, jpegAlpha);
  }

  public SaveOptions withJpegAlpha(AlphaPolicy p) {
    return new SaveOptions(format, jpegQuality, overwrite, keepMetadata, p);
  }
}

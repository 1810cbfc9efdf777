package dev.wbsr.image;

import java.util.List;
import java.util.Objects;

/**
 * What is known about a loaded file beyond its pixels: enough to report it and to carry ICC and
 * EXIF to an output.
 *
 * <p>Colour policy: pixels are always converted to sRGB for processing. {@link #iccProfile()} is
 * the profile embedded in the file (or null), kept byte for byte. When it is a non-sRGB RGB profile
 * (Adobe RGB, Display P3, ...), {@link ImageSaver} converts the result back to it and embeds it, so
 * an output lives in the same colour space as its input. A CMYK or gray profile cannot describe an
 * RGB output; such outputs are written as untagged sRGB.
 *
 * @param format the file's format (found from its bytes, not its name)
 * @param storedWidth width as stored, before orientation
 * @param storedHeight height as stored, before orientation
 * @param bitsPerSample the file's bits per colour sample (1..32; 16 for a 16-bit PNG or TIFF)
 * @param sourceColor how the file stored colour
 * @param hadAlpha whether the file had an alpha channel (even one that turned out opaque)
 * @param orientation the EXIF/TIFF orientation found and applied, 1..8
 * @param iccProfile the embedded ICC profile bytes, or null
 * @param iccDescription the profile's description, or null
 * @param convertedToSrgb whether pixels were colour-converted to sRGB on load
 * @param exif the embedded EXIF block (TIFF-structured, as found), or null
 * @param warnings non-fatal decoder warnings, for a log
 */
public record ImageMetadata(
    ImageFormat format,
    int storedWidth,
    int storedHeight,
    int bitsPerSample,
    SourceColor sourceColor,
    boolean hadAlpha,
    int orientation,
    byte[] iccProfile,
    String iccDescription,
    boolean convertedToSrgb,
    byte[] exif,
    List<String> warnings) {

  public ImageMetadata {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(sourceColor, "sourceColor");
    iccProfile = iccProfile == null ? null : iccProfile.clone();
    exif = exif == null ? null : exif.clone();
    warnings = List.copyOf(warnings);
  }

  /** Metadata for pixels made in memory (no file): 8-bit sRGB, nothing to carry. */
  public static ImageMetadata synthetic(int width, int height) {
    return new ImageMetadata(
        ImageFormat.PNG,
        width,
        height,
        8,
        SourceColor.RGB,
        false,
        1,
        null,
        null,
        false,
        null,
        List.of());
  }

  @Override
  public byte[] iccProfile() {
    return iccProfile == null ? null : iccProfile.clone();
  }

  @Override
  public byte[] exif() {
    return exif == null ? null : exif.clone();
  }

  /** A one-line description for logs and the app's info panel, e.g. "JPEG 8-bit CMYK, ICC". */
  public String summary() {
    StringBuilder s = new StringBuilder();
    s.append(format.displayName()).append(' ').append(bitsPerSample).append("-bit ");
    s.append(sourceColor.name()).append(hadAlpha ? "+alpha" : "");
    if (iccDescription != null) {
      s.append(", ICC '").append(iccDescription).append('\'');
    } else if (iccProfile != null) {
      s.append(", ICC");
    }
    if (convertedToSrgb) {
      s.append(" -> sRGB");
    }
    if (orientation != 1) {
      s.append(", orientation ").append(orientation);
    }
    return s.toString();
  }
}

package dev.wbsr.image;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The file formats WBSR Studio reads; the first four it also writes. */
public enum ImageFormat {
  PNG("PNG", "png", true, List.of("png")),
  JPEG("JPEG", "jpg", true, List.of("jpg", "jpeg", "jpe", "jfif")),
  TIFF("TIFF", "tif", true, List.of("tif", "tiff")),
  WEBP("WebP", "webp", true, List.of("webp")),
  BMP("BMP", "bmp", false, List.of("bmp", "dib")),
  PSD("PSD", "psd", false, List.of("psd", "psb"));

  /** How many leading bytes {@link #sniff} needs to recognise every format it knows. */
  public static final int SNIFF_BYTES = 16;

  private final String displayName;
  private final String extension;
  private final boolean writable;
  private final List<String> extensions;

  ImageFormat(String displayName, String extension, boolean writable, List<String> extensions) {
    this.displayName = displayName;
    this.extension = extension;
    this.writable = writable;
    this.extensions = extensions;
  }

  public String displayName() {
    return displayName;
  }

  /** The preferred file extension, without the dot. */
  public String extension() {
    return extension;
  }

  public boolean writable() {
    return writable;
  }

  /** The format a file name's extension names (case-insensitive), if any. */
  public static Optional<ImageFormat> fromFileName(String fileName) {
    String ext = extensionOf(fileName);
    if (ext.isEmpty()) {
      return Optional.empty();
    }
    for (ImageFormat f : values()) {
      if (f.extensions.contains(ext)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /**
   * A file name's extension, lower case, without the dot; empty when there is none (a leading dot
   * starts a hidden name, not an extension).
   */
  public static String extensionOf(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot <= 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  /** A file name without its extension: {@code cat.photo.jpeg} -> {@code cat.photo}. */
  public static String stem(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot <= 0 ? fileName : fileName.substring(0, dot);
  }

  /** Parses a user-facing format option: png, jpg/jpeg, webp, tif/tiff (case-insensitive). */
  public static ImageFormat parseWritable(String name) {
    Optional<ImageFormat> f = fromFileName("x." + name.trim());
    if (f.isEmpty() || !f.get().writable) {
      throw new IllegalArgumentException(
          "unknown output format '" + name + "' (use png, jpg, webp or tif)");
    }
    return f.get();
  }

  /** Recognises a file by its first bytes, never by its name. */
  public static Optional<ImageFormat> sniff(byte[] head, int length) {
    if (startsWith(head, length, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return Optional.of(PNG);
    }
    if (startsWith(head, length, 0xFF, 0xD8, 0xFF)) {
      return Optional.of(JPEG);
    }
    if (startsWith(head, length, 'I', 'I', 42, 0)
        || startsWith(head, length, 'M', 'M', 0, 42)
        || startsWith(head, length, 'I', 'I', 43, 0)
        || startsWith(head, length, 'M', 'M', 0, 43)) {
      return Optional.of(TIFF);
    }
    if (startsWith(head, length, 'R', 'I', 'F', 'F') && ascii(head, length, 8, 4).equals("WEBP")) {
      return Optional.of(WEBP);
    }
    if (startsWith(head, length, 'B', 'M') && length >= 14) {
      return Optional.of(BMP);
    }
    if (startsWith(head, length, '8', 'B', 'P', 'S')) {
      return Optional.of(PSD);
    }
    return Optional.empty();
  }

  /** Names a format we recognise but do not read, for a helpful refusal; empty if unknown. */
  static Optional<String> sniffUnsupported(byte[] head, int length) {
    if (startsWith(head, length, 'G', 'I', 'F', '8')) {
      return Optional.of("GIF");
    }
    if (ascii(head, length, 4, 4).equals("ftyp")) {
      String brand = ascii(head, length, 8, 4);
      if (brand.startsWith("avi")) {
        return Optional.of("AVIF");
      }
      return Optional.of(brand.startsWith("he") || brand.startsWith("mif") ? "HEIC" : "ISO media");
    }
    if (startsWith(head, length, 0, 0, 0, 0x0C, 'j', 'P', ' ', ' ')) {
      return Optional.of("JPEG 2000");
    }
    if (startsWith(head, length, 0xFF, 0x0A) || startsWith(head, length, 0, 0, 0, 0x0C, 'J', 'X')) {
      return Optional.of("JPEG XL");
    }
    if (startsWith(head, length, '%', 'P', 'D', 'F')) {
      return Optional.of("PDF");
    }
    if (startsWith(head, length, 0, 0, 1, 0)) {
      return Optional.of("ICO");
    }
    return Optional.empty();
  }

  private static boolean startsWith(byte[] head, int length, int... magic) {
    if (length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((head[i] & 0xFF) != magic[i]) {
        return false;
      }
    }
    return true;
  }

  private static String ascii(byte[] head, int length, int offset, int count) {
    if (length < offset + count) {
      return "";
    }
    return new String(head, offset, count, StandardCharsets.ISO_8859_1);
  }
}

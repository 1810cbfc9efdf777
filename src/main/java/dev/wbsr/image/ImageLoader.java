package dev.wbsr.image;

import dev.wbsr.image.ImageException.Kind;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.event.IIOReadProgressListener;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads PNG, JPEG (CMYK and YCCK too), TIFF (first page; 8, 16 and 32-bit), WebP, BMP and PSD into
 * upright 8-bit sRGB pixels plus an alpha plane. The header is checked before anything is decoded:
 * an image over {@link #maxPixels()} or one that could not fit in the heap is refused. Every
 * failure is an {@link ImageException} whose message is one line naming the file. Thread-safe.
 */
public final class ImageLoader {

  /** Default pixel limit: a 120-megapixel input (larger than any common camera). */
  public static final long DEFAULT_MAX_PIXELS = 120_000_000L;

  private static final String SUPPORTED = "PNG, JPEG, TIFF, WebP, BMP, PSD";

  private final long maxPixels;
  private final int outputScale;

  public ImageLoader() {
    this(DEFAULT_MAX_PIXELS);
  }

  public ImageLoader(long maxPixels) {
    this(maxPixels, 0);
  }

  private ImageLoader(long maxPixels, int outputScale) {
    if (maxPixels <= 0) {
      throw new IllegalArgumentException("pixel limit must be positive: " + maxPixels);
    }
    this.maxPixels = maxPixels;
    this.outputScale = outputScale;
  }

  /**
   * A loader that also refuses, before decoding, an image whose x{@code scale} output would not fit
   * in the heap next to its input (issue 14.9: small files that decode to gigabytes).
   */
  public ImageLoader forUpscale(int scale) {
    return new ImageLoader(maxPixels, scale);
  }

  public long maxPixels() {
    return maxPixels;
  }

  /** Format, stored size and orientation from the header; decodes nothing. */
  public ImageHeader probe(Path file) throws ImageException {
    ImageFormat format = detect(file);
    ImageReader reader = readerFor(format, file);
    try (ImageInputStream in = new FileImageInputStream(file.toFile())) {
      reader.setInput(in, false, false);
      int[] size = headerSize(reader, format, file);
      int orientation = EmbeddedMetadata.scan(format, file).orientation();
      return new ImageHeader(format, size[0], size[1], orientation);
    } catch (IOException e) {
      throw corrupt(file, e);
    } finally {
      reader.dispose();
    }
  }

  /** Decodes the first image of the file. */
  public LoadedImage load(Path file) throws ImageException {
    ImageFormat format = detect(file);
    ImageReader reader = readerFor(format, file);
    List<String> warnings = new ArrayList<>();
    reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
    reader.addIIOReadProgressListener(new AbortOnInterrupt());
    try (ImageInputStream in = new EofLimitedInput(file.toFile())) {
      ContainerCheck.check(format, file);
      reader.setInput(in, false, false);
      int[] size = headerSize(reader, format, file);
      EmbeddedMetadata embedded = EmbeddedMetadata.scan(format, file);
      checkHeap(file, size[0], size[1], decodedBitsPerPixel(reader), embedded.orientation());
      BufferedImage decoded =
          CompleteDecode.needed(format) ? CompleteDecode.read(reader, in) : reader.read(0);
      if (Thread.currentThread().isInterrupted()) {
        throw new ImageException(Kind.CANCELLED, name(file) + ": loading was cancelled");
      }
      boolean iccDamaged = false;
      for (int i = 0; i < warnings.size(); i++) {
        String lower = warnings.get(i).toLowerCase(Locale.ROOT);
        if (lower.contains("icc")) {
          // the reader ignored a damaged colour profile; the pixels are intact (issue 14.4)
          iccDamaged = true;
          warnings.set(
              i,
              "the embedded colour profile is damaged and was ignored; colours are"
                  + " read as sRGB");
        } else if (lower.contains("premature end") || lower.contains("truncated")) {
          throw new ImageException(
              Kind.CORRUPT, name(file) + ": the file is truncated (" + warnings.get(i) + ")");
        }
      }
      ICC_Profile profile = iccDamaged ? null : IccColor.parse(embedded.icc());
      if (profile == null && embedded.icc() != null && !iccDamaged) {
        warnings.add(
            "the embedded colour profile is damaged and was ignored; colours are read"
                + " as sRGB");
      }
      ICC_Profile ignoredByReader = readerIgnoresIcc(format) ? profile : null;
      PixelConverter.Result px = PixelConverter.convert(decoded, ignoredByReader);
      decoded = null;
      RgbImage rgb = Orientation.apply(px.rgb(), embedded.orientation());
      GrayPlane alpha =
          px.alpha() == null ? null : Orientation.apply(px.alpha(), embedded.orientation());
      SourceColor color = embedded.colorHint() != null ? embedded.colorHint() : px.color();
      // The JPEG/WebP readers convert CMYK and profiled RGB to sRGB itself; others are converted
      // here.
      boolean converted =
          px.converted()
              || color == SourceColor.CMYK
              || (IccColor.isRgb(profile)
                  && !IccColor.isSrgb(profile)
                  && color != SourceColor.GRAY);
      ImageMetadata meta =
          new ImageMetadata(
              format,
              size[0],
              size[1],
              px.bits(),
              color,
              px.hadAlpha(),
              embedded.orientation(),
              profile == null ? null : embedded.icc(),
              IccColor.description(embedded.icc()),
              converted,
              embedded.exif(),
              warnings);
      return new LoadedImage(rgb, alpha, meta);
    } catch (ImageException e) {
      throw e;
    } catch (OutOfMemoryError e) {
      throw new ImageException(
          Kind.TOO_LARGE, name(file) + ": not enough memory to decode this image (raise -Xmx)");
    } catch (IOException | RuntimeException e) {
      if (Thread.currentThread().isInterrupted()) {
        throw new ImageException(Kind.CANCELLED, name(file) + ": loading was cancelled", e);
      }
      throw corrupt(file, e);
    } finally {
      reader.dispose();
    }
  }

  /** Lets an interrupted thread (a cancelled batch) stop a long decode within a few rows. */
  private static final class AbortOnInterrupt implements IIOReadProgressListener {
    @Override
    public void imageProgress(ImageReader source, float percentageDone) {
      if (Thread.currentThread().isInterrupted()) {
        source.abort();
      }
    }

    @Override
    public void imageStarted(ImageReader source, int imageIndex) {
      imageProgress(source, 0);
    }

    @Override
    public void sequenceStarted(ImageReader source, int minIndex) {}

    @Override
    public void sequenceComplete(ImageReader source) {}

    @Override
    public void imageComplete(ImageReader source) {}

    @Override
    public void thumbnailStarted(ImageReader source, int imageIndex, int thumbnailIndex) {}

    @Override
    public void thumbnailProgress(ImageReader source, float percentageDone) {}

    @Override
    public void thumbnailComplete(ImageReader source) {}

    @Override
    public void readAborted(ImageReader source) {}
  }

  /**
   * The JDK PNG reader and the BMP reader hand back pixels without applying an embedded profile;
   * the JPEG and WebP readers convert to sRGB themselves; the TIFF and PSD readers attach the
   * profile to the decoded image's colour space (converted in {@link PixelConverter}).
   */
  private static boolean readerIgnoresIcc(ImageFormat format) {
    return format == ImageFormat.PNG || format == ImageFormat.BMP;
  }

  private int[] headerSize(ImageReader reader, ImageFormat format, Path file) throws IOException {
    if (format == ImageFormat.PNG) {
      // Checked from IHDR first: the JDK reader itself rejects some absurd sizes as errors.
      long[] ihdr = pngHeader(file);
      checkPixels(file, ihdr[0], ihdr[1]);
      checkHeap(file, ihdr[0], ihdr[1], ihdr[2], 1);
    }
    int w = reader.getWidth(0);
    int h = reader.getHeight(0);
    if (w <= 0 || h <= 0) {
      throw new ImageException(
          Kind.CORRUPT, name(file) + ": the header gives an invalid size " + w + " x " + h);
    }
    checkPixels(file, w, h);
    return new int[] {w, h};
  }

  private void checkPixels(Path file, long w, long h) throws ImageException {
    if (w * h > maxPixels) {
      throw new ImageException(
          Kind.TOO_LARGE,
          String.format(
              Locale.ROOT,
              "%s: %d x %d pixels (%.1f megapixels) is over the limit of %.1f" + " megapixels",
              name(file),
              w,
              h,
              w * h / 1e6,
              maxPixels / 1e6));
    }
  }

  /** Width, height (unsigned) and bits per pixel from a PNG's IHDR, which must come first. */
  private static long[] pngHeader(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] b = in.readNBytes(26);
      if (b.length < 26 || b[12] != 'I' || b[13] != 'H' || b[14] != 'D' || b[15] != 'R') {
        throw new ImageException(Kind.CORRUPT, name(file) + ": the PNG header is damaged");
      }
      int channels =
          switch (b[25]) {
            case 2 -> 3;
            case 4 -> 2;
            case 6 -> 4;
            default -> 1;
          };
      return new long[] {readUnsigned(b, 16), readUnsigned(b, 20), (long) channels * b[24]};
    }
  }

  private static long readUnsigned(byte[] b, int off) {
    return ((b[off] & 0xFFL) << 24)
        | ((b[off + 1] & 0xFFL) << 16)
        | ((b[off + 2] & 0xFFL) << 8)
        | (b[off + 3] & 0xFFL);
  }

  /** Bits per pixel of what the reader will decode into (32 if it does not say). */
  private static long decodedBitsPerPixel(ImageReader reader) throws IOException {
    Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
    if (types == null || !types.hasNext()) {
      return 32;
    }
    long bits = 0;
    for (int s : types.next().getSampleModel().getSampleSize()) {
      bits += s;
    }
    return bits;
  }

  /** Refuses an image whose decoding could not fit in the heap, before allocating anything. */
  private void checkHeap(Path file, long w, long h, long bitsPerPixel, int orientation)
      throws ImageException {
    long pixels = w * h;
    if (pixels * 3 > Integer.MAX_VALUE - 8) {
      throw new ImageException(
          Kind.TOO_LARGE,
          String.format(
              Locale.ROOT,
              "%s: %d x %d pixels is more than one image can hold (at most about 715 megapixels)",
              name(file),
              w,
              h));
    }
    long need = pixels * bitsPerPixel / 8 + pixels * 4 + (orientation > 1 ? pixels * 4 : 0);
    long max = Runtime.getRuntime().maxMemory();
    if (outputScale > 0) {
      // held while upscaling: the input (RGB + alpha), the SR image, its alpha and the RGBA copy
      // the encoder makes of an image with alpha: 4 + 8 s^2 bytes per input pixel
      long s2 = (long) outputScale * outputScale;
      long upscale = pixels * 4 + pixels * s2 * 8;
      if (Math.max(need, upscale) > max - max / 8) {
        throw new ImageException(
            Kind.TOO_LARGE,
            String.format(
                Locale.ROOT,
                "%s: %d x %d pixels needs about %d MB to upscale x%d, more than this program's memory"
                    + " limit of %d MB; run with a larger -Xmx (at least %d MB) or upscale a smaller"
                    + " image",
                name(file),
                w,
                h,
                Math.max(need, upscale) >> 20,
                outputScale,
                max >> 20,
                (Math.max(need, upscale) * 8 / 7 >> 20) + 64));
      }
    }
    if (need > max - max / 8) {
      throw new ImageException(
          Kind.TOO_LARGE,
          String.format(
              Locale.ROOT,
              "%s: %d x %d pixels needs about %d MB to decode, more than this"
                  + " program's memory limit of %d MB (raise -Xmx)",
              name(file),
              w,
              h,
              need >> 20,
              max >> 20));
    }
  }

  /** Checks the path and recognises the format from the first bytes. */
  static ImageFormat detect(Path file) throws ImageException {
    if (Files.isDirectory(file)) {
      throw new ImageException(Kind.NOT_A_FILE, name(file) + ": is a folder, not an image file");
    }
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(ImageFormat.SNIFF_BYTES);
    } catch (NoSuchFileException e) {
      throw new ImageException(Kind.NOT_FOUND, name(file) + ": file not found");
    } catch (AccessDeniedException e) {
      throw new ImageException(Kind.UNREADABLE, name(file) + ": permission denied");
    } catch (IOException e) {
      throw new ImageException(
          Kind.UNREADABLE, name(file) + ": cannot be read (" + oneLine(e) + ")", e);
    }
    if (head.length == 0) {
      throw new ImageException(Kind.EMPTY, name(file) + ": the file is empty");
    }
    Optional<ImageFormat> format = ImageFormat.sniff(head, head.length);
    if (format.isPresent()) {
      return format.get();
    }
    Optional<String> other = ImageFormat.sniffUnsupported(head, head.length);
    throw new ImageException(
        Kind.UNSUPPORTED_FORMAT,
        name(file)
            + ": "
            + other
                .map(o -> o + " images are not supported")
                .orElse("not an image in a supported format")
            + " (supported: "
            + SUPPORTED
            + ")");
  }

  private static ImageReader readerFor(ImageFormat format, Path file) throws ImageException {
    String formatName = format == ImageFormat.JPEG ? "jpeg" : format.extension();
    Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName(formatName);
    ImageReader chosen = null;
    while (it.hasNext()) {
      ImageReader r = it.next();
      boolean twelveMonkeys = r.getClass().getName().startsWith("com.twelvemonkeys.");
      if (chosen == null || (twelveMonkeys && format != ImageFormat.PNG)) {
        chosen = r;
      }
    }
    if (chosen == null) {
      throw new ImageException(
          Kind.UNSUPPORTED_FORMAT,
          name(file) + ": no " + format.displayName() + " decoder is installed");
    }
    return chosen;
  }

  private static ImageException corrupt(Path file, Throwable e) {
    if (e instanceof RuntimeException || looksLikeJava(oneLine(e))) {
      // a decoder bug tripped by bad data (`/ by zero`, a failed cast): its text means nothing to a
      // user
      return new ImageException(
          Kind.CORRUPT,
          name(file)
              + ": the image data is damaged (the decoder could not read it); open it in an image"
              + " editor and save it again, or use the original file",
          e);
    }
    return new ImageException(
        Kind.CORRUPT,
        name(file) + ": the image data is damaged or truncated (" + oneLine(e) + ")",
        e);
  }

  private static boolean looksLikeJava(String m) {
    return m.matches(".*\\b(?:java|javax|com|sun)\\.[a-z]\\w*\\..*")
        || m.endsWith("Exception")
        || m.contains("cannot be cast")
        || m.contains("by zero")
        || m.contains("may not be null")
        // the JDK PNG reader's wrapper ("Caught exception during read:") says nothing itself
        || m.toLowerCase(Locale.ROOT).contains("exception")
        || m.endsWith(":");
  }

  static String name(Path file) {
    Path n = file.getFileName();
    return n == null ? file.toString() : n.toString();
  }

  static String oneLine(Throwable e) {
    String m = e.getMessage();
    if (m == null || m.isBlank()) {
      m = e.getClass().getSimpleName();
    }
    m = m.strip().lines().findFirst().orElse(m);
    return m.length() > 120 ? m.substring(0, 117) + "..." : m;
  }
}

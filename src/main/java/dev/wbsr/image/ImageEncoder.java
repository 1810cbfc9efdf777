package dev.wbsr.image;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFEntry;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import com.twelvemonkeys.imageio.plugins.tiff.TIFFImageMetadata;
import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;
import dev.wbsr.image.ImageException.Kind;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.event.IIOWriteProgressListener;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.FileImageOutputStream;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Encodes prepared pixels into one file (the temp file {@link ImageSaver} later renames). PNG and
 * JPEG stream through {@link InjectingOutputStream}, which adds ICC and EXIF blocks; TIFF gets the
 * profile through its colour model and the EXIF tags through TIFF metadata. An interrupted thread
 * aborts the encoder and gets {@link Kind#CANCELLED}.
 */
final class ImageEncoder {

  /** From this JPEG quality up, colour is not subsampled (4:4:4), as photo editors do. */
  static final int FULL_CHROMA_QUALITY = 90;

  /** IFD0 tags of a source's EXIF that describe the image's structure, not its content. */
  private static final Set<Integer> STRUCTURAL_TAGS =
      Set.of(
          TIFF.TAG_ORIENTATION,
          TIFF.TAG_IMAGE_WIDTH,
          TIFF.TAG_IMAGE_HEIGHT,
          TIFF.TAG_BITS_PER_SAMPLE,
          TIFF.TAG_COMPRESSION,
          TIFF.TAG_PHOTOMETRIC_INTERPRETATION,
          TIFF.TAG_STRIP_OFFSETS,
          TIFF.TAG_STRIP_BYTE_COUNTS,
          TIFF.TAG_ROWS_PER_STRIP,
          TIFF.TAG_SAMPLES_PER_PIXEL,
          TIFF.TAG_PLANAR_CONFIGURATION,
          TIFF.TAG_JPEG_INTERCHANGE_FORMAT,
          TIFF.TAG_JPEG_INTERCHANGE_FORMAT_LENGTH,
          TIFF.TAG_YCBCR_POSITIONING,
          TIFF.TAG_ICC_PROFILE);

  private ImageEncoder() {}

  /**
   * @param rgb pixels in the colour space of the profile {@code icc} (sRGB when null)
   * @param alpha alpha plane or null (never for JPEG)
   */
  static void encode(
      ImageFormat format,
      RgbImage rgb,
      GrayPlane alpha,
      byte[] icc,
      byte[] exif,
      int jpegQuality,
      Path temp)
      throws IOException {
    // The colour model stays plain sRGB: the profile bytes are embedded as they came, never
    // re-serialised by the colour engine.
    BufferedImage image = toBufferedImage(rgb, alpha, ColorSpace.getInstance(ColorSpace.CS_sRGB));
    ImageWriter writer = writerFor(format);
    AtomicBoolean aborted = new AtomicBoolean();
    writer.addIIOWriteProgressListener(abortOnInterrupt(writer, aborted));
    try {
      ImageWriteParam param = writer.getDefaultWriteParam();
      IIOMetadata metadata = null;
      if (format == ImageFormat.JPEG) {
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(jpegQuality / 100f);
        if (jpegQuality >= FULL_CHROMA_QUALITY) {
          metadata = fullChroma(writer, image, param);
        }
      } else if (format == ImageFormat.TIFF) {
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionType("LZW");
        metadata = tiffMetadata(exif, icc);
      } else if (format == ImageFormat.WEBP) {
        webp(param, jpegQuality);
      }
      if (format == ImageFormat.TIFF || format == ImageFormat.WEBP) {
        // WebP: pixels only (the encoder writes no ICC or EXIF chunk); the output is sRGB
        try (RandomAccessFile raf = new RandomAccessFile(temp.toFile(), "rw");
            ImageOutputStream out = new FileImageOutputStream(raf)) {
          writer.setOutput(out);
          writer.write(null, new IIOImage(image, null, metadata), param);
        }
      } else {
        byte[] blocks =
            format == ImageFormat.PNG
                ? MetadataBlocks.pngChunks(icc, IccColor.description(icc), exif)
                : MetadataBlocks.jpegSegments(icc, exif);
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16);
            OutputStream inject = new InjectingOutputStream(file, format, blocks);
            ImageOutputStream out = new MemoryCacheImageOutputStream(inject)) {
          writer.setOutput(out);
          writer.write(null, new IIOImage(image, null, metadata), param);
        }
      }
    } finally {
      writer.dispose();
    }
    if (aborted.get() || Thread.currentThread().isInterrupted()) {
      throw new ImageException(Kind.CANCELLED, "writing was cancelled");
    }
  }

  /**
   * JPEG metadata asking for 4:4:4 (no chroma subsampling), or null if the writer's tree is not the
   * expected one (then its 4:2:0 default is used).
   */
  private static IIOMetadata fullChroma(
      ImageWriter writer, BufferedImage image, ImageWriteParam param) {
    try {
      IIOMetadata meta = writer.getDefaultImageMetadata(new ImageTypeSpecifier(image), param);
      String format = "javax_imageio_jpeg_image_1.0";
      org.w3c.dom.Node root = meta.getAsTree(format);
      org.w3c.dom.NodeList specs =
          ((org.w3c.dom.Element) root).getElementsByTagName("componentSpec");
      if (specs.getLength() != 3) {
        return null;
      }
      for (int i = 0; i < specs.getLength(); i++) {
        org.w3c.dom.Element spec = (org.w3c.dom.Element) specs.item(i);
        spec.setAttribute("HsamplingFactor", "1");
        spec.setAttribute("VsamplingFactor", "1");
      }
      meta.setFromTree(format, root);
      return meta;
    } catch (javax.imageio.metadata.IIOInvalidTreeException | RuntimeException e) {
      return null;
    }
  }

  private static IIOWriteProgressListener abortOnInterrupt(ImageWriter w, AtomicBoolean aborted) {
    return new IIOWriteProgressListener() {
      @Override
      public void imageProgress(ImageWriter source, float percentageDone) {
        if (Thread.currentThread().isInterrupted()) {
          aborted.set(true);
          source.abort();
        }
      }

      @Override
      public void imageStarted(ImageWriter source, int imageIndex) {
        imageProgress(source, 0);
      }

      @Override
      public void imageComplete(ImageWriter source) {}

      @Override
      public void thumbnailStarted(ImageWriter source, int imageIndex, int thumbnailIndex) {}

      @Override
      public void thumbnailProgress(ImageWriter source, float percentageDone) {}

      @Override
      public void thumbnailComplete(ImageWriter source) {}

      @Override
      public void writeAborted(ImageWriter source) {
        aborted.set(true);
      }
    };
  }

  /** The ICC tag, descriptive IFD0 tags and the EXIF/GPS sub-IFDs of the source, for TIFF. */
  private static IIOMetadata tiffMetadata(byte[] exif, byte[] icc) {
    List<Entry> kept = new ArrayList<>();
    if (icc != null) {
      kept.add(new TIFFEntry(TIFF.TAG_ICC_PROFILE, TIFF.TYPE_UNDEFINED, icc));
    }
    if (exif != null) {
      try (ImageInputStream in = new ByteArrayImageInputStream(exif)) {
        Directory ifd0 = new TIFFReader().read(in);
        for (Entry e : ifd0) {
          if (!STRUCTURAL_TAGS.contains(((Number) e.getIdentifier()).intValue())) {
            kept.add(e);
          }
        }
      } catch (IOException | RuntimeException e) {
        // unreadable EXIF is dropped, the image is still written
      }
    }
    return kept.isEmpty() ? null : new TIFFImageMetadata(kept);
  }

  static BufferedImage toBufferedImage(RgbImage rgb, GrayPlane alpha, ColorSpace cs) {
    int w = rgb.width();
    int h = rgb.height();
    if (alpha == null) {
      WritableRaster raster =
          Raster.createInterleavedRaster(
              new DataBufferByte(rgb.rgb(), rgb.rgb().length),
              w,
              h,
              w * 3,
              3,
              new int[] {0, 1, 2},
              null);
      return new BufferedImage(
          new ComponentColorModel(cs, false, false, Transparency.OPAQUE, DataBuffer.TYPE_BYTE),
          raster,
          false,
          null);
    }
    byte[] rgba = new byte[Math.multiplyExact(w * h, 4)];
    byte[] src = rgb.rgb();
    byte[] a = alpha.data();
    for (int i = 0, s = 0, d = 0; i < a.length; i++, s += 3, d += 4) {
      rgba[d] = src[s];
      rgba[d + 1] = src[s + 1];
      rgba[d + 2] = src[s + 2];
      rgba[d + 3] = a[i];
    }
    WritableRaster raster =
        Raster.createInterleavedRaster(
            new DataBufferByte(rgba, rgba.length), w, h, w * 4, 4, new int[] {0, 1, 2, 3}, null);
    return new BufferedImage(
        new ComponentColorModel(cs, true, false, Transparency.TRANSLUCENT, DataBuffer.TYPE_BYTE),
        raster,
        false,
        null);
  }

  /** Quality 100 is lossless WebP (every pixel kept); below, lossy at that quality. */
  static final int WEBP_LOSSLESS_QUALITY = 100;

  private static void webp(ImageWriteParam param, int quality) {
    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    boolean lossless = quality >= WEBP_LOSSLESS_QUALITY;
    for (String type : param.getCompressionTypes()) {
      if (type.toLowerCase(java.util.Locale.ROOT).contains("lossless") == lossless) {
        param.setCompressionType(type);
      }
    }
    param.setCompressionQuality(lossless ? 1f : quality / 100f);
  }

  private static ImageWriter writerFor(ImageFormat format) throws ImageException {
    String name = format == ImageFormat.JPEG ? "jpeg" : format.extension();
    Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName(name);
    ImageWriter chosen = null;
    while (it.hasNext()) {
      ImageWriter w = it.next();
      boolean twelveMonkeys = w.getClass().getName().startsWith("com.twelvemonkeys.");
      // TwelveMonkeys for TIFF (ICC and metadata support); the JDK's own PNG and JPEG encoders.
      if (chosen == null || (format == ImageFormat.TIFF) == twelveMonkeys) {
        chosen = w;
      }
    }
    if (chosen == null) {
      throw new ImageException(
          Kind.UNSUPPORTED_FORMAT, "no " + format.displayName() + " encoder is installed");
    }
    return chosen;
  }
}

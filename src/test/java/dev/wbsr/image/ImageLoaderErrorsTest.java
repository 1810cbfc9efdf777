package dev.wbsr.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.wbsr.image.ImageException.Kind;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageLoaderErrorsTest {

  @TempDir Path dir;
  private final ImageLoader loader = new ImageLoader();

  private ImageException failure(Path p) {
    try {
      loader.load(p);
    } catch (ImageException e) {
      assertThat(e.getMessage())
          .as("one line, names the file")
          .doesNotContain("\n")
          .startsWith(p.getFileName().toString() + ": ");
      return e;
    }
    throw new AssertionError("expected " + p + " to fail");
  }

  @Test
  void missingEmptyAndFolder() throws IOException {
    assertThat(failure(dir.resolve("nope.png")).kind()).isEqualTo(Kind.NOT_FOUND);
    assertThat(failure(Files.createFile(dir.resolve("empty.jpg"))).kind()).isEqualTo(Kind.EMPTY);
    ImageException folder = failure(Files.createDirectory(dir.resolve("photos.png")));
    assertThat(folder.kind()).isEqualTo(Kind.NOT_A_FILE);
  }

  @Test
  void unsupportedFormatsAreNamed() throws IOException {
    Path text = Files.writeString(dir.resolve("notes.png"), "hello, not an image");
    ImageException e = failure(text);
    assertThat(e.kind()).isEqualTo(Kind.UNSUPPORTED_FORMAT);
    assertThat(e.getMessage()).contains("supported: PNG, JPEG");
    Path gif = Files.write(dir.resolve("anim.gif"), "GIF89a\1\0\1\0\0\0\0;".getBytes());
    assertThat(failure(gif).getMessage()).contains("GIF images are not supported");
    Path heic =
        Files.write(
            dir.resolve("phone.heic"),
            new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0});
    assertThat(failure(heic).getMessage()).contains("HEIC");
  }

  @Test
  void truncatedFiles() throws IOException {
    RgbImage src = TestImages.smooth(64, 64);
    for (String format : new String[] {"png", "jpg", "tiff", "bmp"}) {
      Path full =
          TestImages.write(
              TestImages.toBuffered(TestImages.pattern(64, 64)),
              format,
              dir.resolve("full." + format));
      if (format.equals("jpg")) {
        full = TestImages.write(TestImages.toBuffered(src), format, full);
      }
      byte[] bytes = Files.readAllBytes(full);
      Path cut = Files.write(dir.resolve("cut." + format), Arrays.copyOf(bytes, bytes.length / 2));
      assertThat(failure(cut).kind()).as(format).isEqualTo(Kind.CORRUPT);
      Path headerOnly = Files.write(dir.resolve("head." + format), Arrays.copyOf(bytes, 40));
      assertThat(failure(headerOnly).kind()).as(format).isEqualTo(Kind.CORRUPT);
    }
  }

  @Test
  void truncatedWebpAndPsd() throws Exception {
    byte[] webp =
        Files.readAllBytes(ImageLoaderFormatsTest.resource("gray-linear-icc-orient6.webp"));
    Path cutWebp = Files.write(dir.resolve("cut.webp"), Arrays.copyOf(webp, webp.length - 60));
    assertThat(failure(cutWebp).kind()).isEqualTo(Kind.CORRUPT);
    int[][] planes = new int[3][32 * 32];
    Path psd = TestImages.psd(dir.resolve("full.psd"), 32, 32, 8, 3, planes, null);
    byte[] bytes = Files.readAllBytes(psd);
    Path cutPsd = Files.write(dir.resolve("cut.psd"), Arrays.copyOf(bytes, bytes.length / 2));
    assertThat(failure(cutPsd).kind()).isEqualTo(Kind.CORRUPT);
  }

  @Test
  void damagedPngData() throws IOException {
    Path png =
        TestImages.write(
            TestImages.toBuffered(TestImages.pattern(64, 64)), "png", dir.resolve("bad.png"));
    byte[] bytes = Files.readAllBytes(png);
    for (int i = bytes.length / 3; i < bytes.length / 3 + 64; i++) {
      bytes[i] = (byte) 0xA5;
    }
    Files.write(png, bytes);
    assertThat(failure(png).kind()).isEqualTo(Kind.CORRUPT);
  }

  /** A PNG header claiming 100000 x 100000 is refused from the header, without allocating. */
  @Test
  void absurdPngHeaderIsRefusedBeforeDecoding() throws IOException {
    Path png = Files.write(dir.resolve("huge.png"), pngHeader(100_000, 100_000));
    ImageException e = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> failure(png));
    assertThat(e.kind()).isEqualTo(Kind.TOO_LARGE);
    assertThat(e.getMessage()).contains("100000 x 100000").contains("10000.0 megapixels");
    assertThatThrownBy(() -> loader.probe(png)).isInstanceOf(ImageException.class);
    Path wide = Files.write(dir.resolve("wide.png"), pngHeader(0x7FFF_FFFF, 1000));
    assertThat(failure(wide).kind()).isEqualTo(Kind.TOO_LARGE);
  }

  /** Without a pixel limit, the heap check still refuses before anything is allocated. */
  @Test
  void imageThatCannotFitInTheHeapIsRefused() throws IOException {
    Path png = Files.write(dir.resolve("huge.png"), pngHeader(100_000, 100_000));
    ImageException e =
        assertTimeoutPreemptively(
            Duration.ofSeconds(5),
            () -> assertThrowsImage(() -> new ImageLoader(Long.MAX_VALUE).load(png)));
    assertThat(e.kind()).isEqualTo(Kind.TOO_LARGE);
    assertThat(e.getMessage()).contains("more than one image can hold");
    long side = (long) Math.sqrt(Runtime.getRuntime().maxMemory() / 7.0) + 10;
    Path heap = Files.write(dir.resolve("heap.png"), pngHeader((int) side, (int) side));
    ImageException h = assertThrowsImage(() -> new ImageLoader(Long.MAX_VALUE).load(heap));
    assertThat(h.kind()).isEqualTo(Kind.TOO_LARGE);
    assertThat(h.getMessage()).contains("memory limit");
  }

  private static ImageException assertThrowsImage(org.junit.jupiter.api.function.Executable ex) {
    return org.junit.jupiter.api.Assertions.assertThrows(ImageException.class, ex);
  }

  @Test
  void absurdJpegHeaderIsRefused() throws IOException {
    Path jpg =
        TestImages.write(
            TestImages.toBuffered(TestImages.smooth(16, 16)), "jpg", dir.resolve("huge.jpg"));
    byte[] b = Files.readAllBytes(jpg);
    for (int i = 2; i < b.length - 8; i++) {
      if ((b[i] & 0xFF) == 0xFF && (b[i + 1] & 0xFF) == 0xC0) {
        b[i + 5] = b[i + 6] = b[i + 7] = b[i + 8] = (byte) 0xEA; // 60138 x 60138
        break;
      }
    }
    Files.write(jpg, b);
    ImageException e = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> failure(jpg));
    assertThat(e.kind()).isEqualTo(Kind.TOO_LARGE);
    assertThat(e.getMessage()).contains("60138 x 60138");
  }

  @Test
  void pixelLimitIsConfigurable() throws IOException {
    Path png =
        TestImages.write(
            TestImages.toBuffered(TestImages.pattern(20, 10)), "png", dir.resolve("small.png"));
    assertThat(new ImageLoader(200).load(png).width()).isEqualTo(20);
    assertThatThrownBy(() -> new ImageLoader(199).load(png))
        .isInstanceOfSatisfying(
            ImageException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TOO_LARGE));
  }

  @Test
  void unreadableFile() throws IOException {
    Path png =
        TestImages.write(
            TestImages.toBuffered(TestImages.pattern(4, 4)), "png", dir.resolve("locked.png"));
    assertThat(png.toFile().setReadable(false, false)).isTrue();
    org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(png), "running as root");
    assertThat(failure(png).kind()).isEqualTo(Kind.UNREADABLE);
  }

  @Test
  void interruptCancelsLoading() throws IOException {
    Path png =
        TestImages.write(
            TestImages.toBuffered(TestImages.pattern(300, 200)), "png", dir.resolve("big.png"));
    Thread.currentThread().interrupt();
    try {
      assertThat(failure(png).kind()).isEqualTo(Kind.CANCELLED);
    } finally {
      Thread.interrupted();
    }
    assertThat(loader.load(png).width()).isEqualTo(300);
  }

  static byte[] pngHeader(int w, int h) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
    ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
    DataOutputStream d = new DataOutputStream(ihdr);
    d.writeBytes("IHDR");
    d.writeInt(w);
    d.writeInt(h);
    d.write(new byte[] {8, 2, 0, 0, 0});
    out.writeInt(13);
    out.write(ihdr.toByteArray());
    CRC32 crc = new CRC32();
    crc.update(ihdr.toByteArray());
    out.writeInt((int) crc.getValue());
    out.write(new byte[] {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82});
    return bytes.toByteArray();
  }
}

package dev.wbsr.ui.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportTargetTest {

  @TempDir Path tmp;

  /** Issue 15: {@code photo2000-wbsr-x2-wbsr.png} said the model twice. */
  @Test
  void oneTagForWhatMadeTheImage() {
    assertThat(ExportTarget.name("photo2000.png", "wbsr-x2", 2, null, "png"))
        .isEqualTo("photo2000-wbsr-x2.png");
    assertThat(ExportTarget.name("photo2000.jpg", "wbsr-x4", 4, "bicubic", "webp"))
        .isEqualTo("photo2000-bicubic-x4.webp");
    assertThat(ExportTarget.name("cat.photo.jpeg", "hes-x2", 2, "supernet", "jpg"))
        .isEqualTo("cat.photo-supernet-x2.jpg");
    // an upscale exported again keeps its one tag
    assertThat(ExportTarget.name("photo2000-wbsr-x2.png", "wbsr-x2", 2, null, "png"))
        .isEqualTo("photo2000-wbsr-x2.png");
  }

  /** Issue 15: the first export opened in the working directory, not the photo's folder. */
  @Test
  void opensInThePhotosFolderElseTheLastExportElsePictures() throws Exception {
    Path shoot = Files.createDirectories(tmp.resolve("shoot"));
    Path last = Files.createDirectories(tmp.resolve("exports"));
    Path home = Files.createDirectories(tmp.resolve("home"));
    Path photo = Files.createFile(shoot.resolve("a.jpg"));
    assertThat(ExportTarget.initialFolder(photo, last, home)).isEqualTo(shoot);
    assertThat(ExportTarget.initialFolder(null, last, home)).isEqualTo(last); // a pasted image
    assertThat(ExportTarget.initialFolder(null, null, home)).isEqualTo(home);
    Path pictures = Files.createDirectories(home.resolve("Pictures"));
    assertThat(ExportTarget.initialFolder(null, tmp.resolve("gone"), home)).isEqualTo(pictures);
  }

  @Test
  void aReadOnlyPhotoFolderIsNotOffered() throws Exception {
    Path ro = Files.createDirectories(tmp.resolve("ro"));
    Path photo = Files.createFile(ro.resolve("a.jpg"));
    Path last = Files.createDirectories(tmp.resolve("exports"));
    ro.toFile().setWritable(false);
    try {
      if (!Files.isWritable(ro)) { // root can write anywhere: then there is nothing to check
        assertThat(ExportTarget.initialFolder(photo, last, tmp)).isEqualTo(last);
      }
    } finally {
      ro.toFile().setWritable(true);
    }
  }

  @Test
  void qualityIsRememberedAndClamped() {
    var s =
        new dev.wbsr.ui.model.Settings(
            dev.wbsr.ui.fake.MemoryPreferences.root().node("dev/wbsr/studio-test-quality"));
    s.clear();
    assertThat(OutputQuality.get(s)).isEqualTo(dev.wbsr.image.SaveOptions.DEFAULT_JPEG_QUALITY);
    OutputQuality.set(s, 100);
    assertThat(OutputQuality.get(s)).isEqualTo(100);
    OutputQuality.set(s, 400);
    assertThat(OutputQuality.get(s)).isEqualTo(100);
    OutputQuality.set(s, 0);
    assertThat(OutputQuality.get(s)).isEqualTo(1);
    s.clear();
  }
}

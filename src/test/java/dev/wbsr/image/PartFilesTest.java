package dev.wbsr.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartFilesTest {

  @TempDir Path tmp;

  /** Issue 14, item 5: SIGTERM during a write left the temporary file behind. */
  @Test
  void theShutdownHookDeletesFilesInFlight() throws Exception {
    Path part = PartFiles.create(tmp);
    Files.writeString(part, "half a png");
    assertThat(PartFiles.inFlight()).contains(part);
    PartFiles.deleteInFlight();
    assertThat(part).doesNotExist();
    assertThat(PartFiles.inFlight()).doesNotContain(part);
  }

  @Test
  void temporaryNamesAreShortWhateverTheTarget() throws Exception {
    Path part = PartFiles.create(tmp);
    try {
      assertThat(part.getFileName().toString())
          .matches("\\.wbsr-\\d+-\\d+\\.part")
          .hasSizeLessThan(40);
    } finally {
      PartFiles.release(part);
    }
  }

  @Test
  void staleMeansOurNamingAndADeadWriter() {
    assertThat(PartFiles.isStale(".wbsr-2147483646-1.part")).isTrue();
    assertThat(PartFiles.isStale(".wbsr-" + ProcessHandle.current().pid() + "-1.part")).isFalse();
    assertThat(PartFiles.isStale(".photo.png.0a1b2c3d.part")).isTrue();
    assertThat(PartFiles.isStale(".photo.part")).isFalse();
    assertThat(PartFiles.isStale("wbsr-1-1.part")).isFalse();
  }

  @Test
  void atomicWritesLeaveNoTemporaryFileOnFailure() throws Exception {
    Path target = tmp.resolve("x.csv");
    assertThatThrownBy(
            () ->
                PartFiles.writeAtomically(
                    target,
                    t -> {
                      Files.writeString(t, "half");
                      throw new IOException("boom");
                    }))
        .hasMessage("boom");
    try (Stream<Path> s = Files.list(tmp)) {
      assertThat(s).isEmpty();
    }
    PartFiles.writeAtomically(target, t -> Files.writeString(t, "ok"));
    assertThat(Files.readString(target)).isEqualTo("ok");
  }

  /** Issue 14, item 10: a read-only folder said "could not be written" and only its path. */
  @Test
  void aFolderThatCannotBeWrittenSaysWhy() {
    Path dir = tmp.resolve("ro");
    assertThat(ErrorText.writeReason(new java.nio.file.AccessDeniedException(dir + "/x.part"), dir))
        .isEqualTo(
            "the folder "
                + dir
                + " is not writable (permission denied); choose another"
                + " output folder or change its permissions");
  }
}

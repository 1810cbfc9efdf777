package dev.wbsr.ui;

import static dev.wbsr.ui.FxTestSupport.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wbsr.ui.fake.FakeCore;
import dev.wbsr.ui.fake.MemoryPreferences;
import dev.wbsr.ui.model.Settings;
import dev.wbsr.ui.model.StudioModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15: an error the user sees is also in the log file of the app's data folder. */
class AppLogTest {

  @TempDir Path data;

  @BeforeAll
  static void fx() throws Exception {
    FxTestSupport.initToolkit();
  }

  @AfterEach
  void close() {
    AppLog.close();
  }

  @Test
  void errorsShownToTheUserAreLogged() throws Exception {
    Path dir = AppLog.install(data);
    List<String> shown = new ArrayList<>();
    StudioModel model =
        onFx(
            () ->
                new StudioModel(
                    FakeCore.create(), new Settings(MemoryPreferences.root().node("log-test"))));
    onFx(
        () -> {
          model.setErrorSink(shown::add);
          model.reportError("Cannot open holiday.png: not an image");
          model.shutdown();
        });
    AppLog.close();
    assertThat(shown).containsExactly("Cannot open holiday.png: not an image");
    assertThat(dir).isEqualTo(data.resolve("logs"));
    String logged;
    try (Stream<Path> files = Files.list(dir)) {
      logged =
          files
              .filter(p -> p.getFileName().toString().startsWith("wbsr-studio-"))
              .map(
                  p -> {
                    try {
                      return Files.readString(p);
                    } catch (java.io.IOException e) {
                      throw new java.io.UncheckedIOException(e);
                    }
                  })
              .reduce("", String::concat);
    }
    assertThat(logged).contains("WARNING").contains("Cannot open holiday.png: not an image");
  }
}

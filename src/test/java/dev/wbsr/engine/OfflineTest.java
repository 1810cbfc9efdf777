package dev.wbsr.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import org.junit.jupiter.api.Test;

class OfflineTest {

  private interface LibC extends Library {
    int unsetenv(String name);
  }

  @Test
  void disablesDjlNetworkAccessAndOnnxRuntimeTelemetry() {
    assumeFalse(Platform.isWindows());
    // Surefire already exports the variable; drop it so the test sees what ensure() does alone.
    Native.load("c", LibC.class).unsetenv(Offline.ORT_TELEMETRY_VARIABLE);
    assertThat(Offline.processEnvironment(Offline.ORT_TELEMETRY_VARIABLE)).isNull();

    Offline.ensure();

    assertThat(System.getProperty("ai.djl.offline")).isEqualTo("true");
    assertThat(System.getProperty("OPT_OUT_TRACKING")).isEqualTo("true");
    assertThat(Offline.processEnvironment(Offline.ORT_TELEMETRY_VARIABLE)).isEqualTo("1");
  }
}

package dev.wbsr.timing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** Names the machine and bundle that measured times belong to. */
public final class MachineKey {

  private MachineKey() {}

  /**
   * CPU model, cores the JVM may use, architecture and OS, and the inference device: a change of
   * any of them changes what a subnet costs.
   */
  public static String machine(String device) {
    return String.format(
        Locale.ROOT,
        "%s | %d cores | %s %s | %s",
        cpuModel(),
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("os.name"),
        System.getProperty("os.arch"),
        device);
  }

  /** The bundle's name and the SHA-256 of its manifest (which names every subnet file). */
  public static String bundle(String name, Path manifest) throws IOException {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(manifest));
      return name + "@" + HexFormat.of().formatHex(d, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from this JVM", e);
    }
  }

  private static String cpuModel() {
    Path info = Path.of("/proc/cpuinfo");
    if (Files.isReadable(info)) {
      try {
        String model = null;
        String flags = "";
        for (String line : Files.readAllLines(info, StandardCharsets.UTF_8)) {
          if (model == null && line.startsWith("model name")) {
            model = line.substring(line.indexOf(':') + 1).trim();
          } else if (flags.isEmpty() && line.startsWith("flags")) {
            // a generic model name (virtual machines) hides the vector units; the flags do not
            flags = Integer.toHexString(line.hashCode());
          }
        }
        if (model != null) {
          return flags.isEmpty() ? model : model + " flags " + flags;
        }
      } catch (IOException | RuntimeException e) {
        // unknown CPU: the other parts of the key still separate machines
      }
    }
    String env = System.getenv("PROCESSOR_IDENTIFIER");
    return env != null ? env : "unknown cpu";
  }
}

package dev.wbsr.report;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What the report says about the machine and the data it ran on. */
final class Machine {

  private Machine() {}

  /** The CPU's model name from {@code /proc/cpuinfo}, or the OS architecture. */
  static String cpuModel() {
    Path info = Path.of("/proc/cpuinfo");
    try {
      if (Files.isReadable(info)) {
        for (String line : Files.readAllLines(info, StandardCharsets.UTF_8)) {
          if (line.startsWith("model name")) {
            return line.substring(line.indexOf(':') + 1).trim();
          }
        }
      }
    } catch (IOException e) {
      // fall through
    }
    return System.getProperty("os.arch");
  }

  /**
   * {@code name version} of every Debian package the sets come from, from the {@code packages.json}
   * that {@code training.wbsr.valsets} copies beside the PNGs (empty if absent).
   */
  static List<String> dataPackages(Path dataDir) {
    Path f = dataDir.resolve("packages.json");
    List<String> out = new ArrayList<>();
    try {
      if (Files.isRegularFile(f)) {
        for (JsonElement e :
            JsonParser.parseString(Files.readString(f, StandardCharsets.UTF_8)).getAsJsonArray()) {
          var o = e.getAsJsonObject();
          out.add(o.get("name").getAsString() + " " + o.get("version").getAsString());
        }
      }
    } catch (IOException | RuntimeException e) {
      out.add("(unreadable " + f + ": " + e.getMessage() + ")");
    }
    return out;
  }
}

package dev.wbsr.ui.batch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Files and folders dropped onto the app: when they mean a batch, and how the dialog shows them.
 */
public final class DroppedInputs {

  private DroppedInputs() {}

  /** One image opens in the viewer; a folder, or several files, start a batch. */
  public static boolean wantsBatch(List<Path> dropped) {
    return dropped.size() > 1 || dropped.stream().anyMatch(Files::isDirectory);
  }

  static String describe(List<Path> dropped) {
    if (dropped.size() == 1) {
      return dropped.get(0).toString();
    }
    StringBuilder b = new StringBuilder(dropped.size() + " dropped: ");
    for (int i = 0; i < Math.min(3, dropped.size()); i++) {
      b.append(i == 0 ? "" : ", ").append(dropped.get(i).getFileName());
    }
    return dropped.size() > 3 ? b.append(", …").toString() : b.toString();
  }

  /**
   * Where the results land by default, beside their sources: {@code FOLDER/upscaled} for one
   * folder, {@code upscaled} next to the first input for files.
   */
  static Path suggestedOutput(List<Path> dropped) {
    Path first = dropped.get(0).toAbsolutePath().normalize();
    if (dropped.size() == 1 && Files.isDirectory(first)) {
      return first.resolve("upscaled");
    }
    Path parent = first.getParent();
    return (parent == null ? first : parent).resolve("upscaled");
  }
}

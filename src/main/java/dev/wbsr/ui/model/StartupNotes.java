package dev.wbsr.ui.model;

import java.util.List;

/** The status-bar note about the files given at start-up beyond the first (pure). */
final class StartupNotes {

  private StartupNotes() {}

  static String text(int addedToRecent, List<String> missing) {
    StringBuilder s = new StringBuilder();
    if (addedToRecent > 0) {
      s.append(addedToRecent == 1 ? "1 more file is" : addedToRecent + " more files are")
          .append(" in File › Open Recent");
    }
    if (!missing.isEmpty()) {
      if (s.length() > 0) {
        s.append("; ");
      }
      s.append("not found: ").append(String.join(", ", missing));
    }
    return s.toString();
  }
}

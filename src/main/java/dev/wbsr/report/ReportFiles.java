package dev.wbsr.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** Writes a measured report: {@code OUT/RESULTS.md} and the plots in {@code OUT/results/}. */
public final class ReportFiles {

  public static final String MARKDOWN = "RESULTS.md";
  public static final String PLOTS = "results";

  private ReportFiles() {}

  /**
   * Writes the page and its plots (atomically, file by file) and returns the markdown's path.
   *
   * @param command the invocation to print on the page, e.g. {@code wbsr report}
   */
  public static Path write(ReportData data, Path out, String command) throws IOException {
    List<ReportPlots.Plot> plots = ReportPlots.write(data, out.resolve(PLOTS));
    String md = ResultsMarkdown.render(data, command, plots);
    Path file = out.resolve(MARKDOWN);
    Path tmp = out.resolve("." + MARKDOWN + ".part");
    Files.writeString(tmp, md, StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    return file;
  }
}

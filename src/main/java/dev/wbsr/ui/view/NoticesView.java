package dev.wbsr.ui.view;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The third-party notices ({@code dev.wbsr.about.AboutInfo#thirdPartyNotices()}, Markdown) as a
 * readable view: headings, paragraphs, bullet lists and tables, in a scroll pane. Only the Markdown
 * that THIRD-PARTY.md uses is understood; anything else shows as plain text.
 */
final class NoticesView {

  /** Column weights (characters): see {@link #columnPercents}. */
  private static final int MIN_COLUMN_WEIGHT = 11;

  private static final int MAX_COLUMN_WEIGHT = 36;

  private NoticesView() {}

  enum Kind {
    HEADING,
    PARAGRAPH,
    BULLET,
    TABLE
  }

  /** One block of the document; {@code rows} for tables (the first is the header). */
  record Block(Kind kind, int level, String text, List<List<String>> rows) {}

  /**
   * Splits Markdown into blocks (pure; inline code marks and emphasis are dropped). A line that
   * continues a paragraph or a bullet without a blank line in between joins it.
   */
  static List<Block> parse(String markdown) {
    List<Block> out = new ArrayList<>();
    TextBlock text = new TextBlock();
    List<List<String>> table = new ArrayList<>();
    for (String raw : markdown.replace("\r", "").split("\n", -1)) {
      String line = raw.strip();
      if (!line.startsWith("|") && !table.isEmpty()) {
        out.add(new Block(Kind.TABLE, 0, "", List.copyOf(table)));
        table.clear();
      }
      if (line.isEmpty()) {
        text.flushInto(out);
      } else if (line.startsWith("#")) {
        text.flushInto(out);
        int level = (int) line.chars().takeWhile(c -> c == '#').count();
        out.add(new Block(Kind.HEADING, level, inline(line.substring(level).strip()), List.of()));
      } else if (line.startsWith("|")) {
        text.flushInto(out);
        List<String> cells = cells(line);
        if (!cells.stream().allMatch(c -> c.matches(":?-{3,}:?"))) {
          table.add(cells);
        }
      } else if (line.startsWith("- ") || line.startsWith("* ")) {
        text.flushInto(out);
        text.start(Kind.BULLET, line.substring(2).strip());
      } else {
        text.append(line);
      }
    }
    text.flushInto(out);
    if (!table.isEmpty()) {
      out.add(new Block(Kind.TABLE, 0, "", List.copyOf(table)));
    }
    return out;
  }

  /** The paragraph or bullet being read, line by line. */
  private static final class TextBlock {
    private Kind kind = Kind.PARAGRAPH;
    private final StringBuilder text = new StringBuilder();

    void start(Kind k, String first) {
      kind = k;
      text.append(first);
    }

    void append(String line) {
      if (text.length() > 0) {
        text.append(' ');
      }
      text.append(line);
    }

    void flushInto(List<Block> out) {
      if (text.length() > 0) {
        out.add(new Block(kind, 0, inline(text.toString()), List.of()));
      }
      text.setLength(0);
      kind = Kind.PARAGRAPH;
    }
  }

  /** The cells of a table row; third_party.py escapes a pipe inside a cell with a backslash. */
  private static List<String> cells(String line) {
    String s = line.substring(1);
    if (s.endsWith("|") && !s.endsWith("\\|")) {
      s = s.substring(0, s.length() - 1);
    }
    List<String> out = new ArrayList<>();
    for (String c : s.split("(?<!\\\\)\\|", -1)) {
      out.add(inline(c.replace("\\|", "|").strip()));
    }
    return out;
  }

  /** Drops inline code marks and emphasis; keeps link text. */
  static String inline(String s) {
    return s.replace("`", "").replace("**", "").replaceAll("\\[([^\\]]*)]\\(([^)]*)\\)", "$1 ($2)");
  }

  /**
   * The {@link #parse parsed} notices in a vertically scrolling pane (id {@code
   * thirdPartyNotices}).
   */
  static ScrollPane view(List<Block> blocks) {
    VBox box = new VBox(6);
    box.setPadding(new Insets(8));
    box.setId("thirdPartyNoticesContent");
    for (Block b : blocks) {
      box.getChildren().add(node(b));
    }
    ScrollPane scroll = new ScrollPane(box);
    scroll.setId("thirdPartyNotices");
    // text wraps to the viewport instead: a sideways scroll would hide the ends of paragraphs
    scroll.setFitToWidth(true);
    scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    scroll.setPrefViewportHeight(320);
    scroll.setPrefViewportWidth(620);
    return scroll;
  }

  private static Node node(Block b) {
    return switch (b.kind()) {
      case HEADING -> {
        Label l = label(b.text());
        l.getStyleClass().add(b.level() <= 1 ? "title-4" : "text-bold");
        if (b.level() > 1) {
          VBox.setMargin(l, new Insets(6, 0, 0, 0));
        }
        yield l;
      }
      case PARAGRAPH -> label(b.text());
      case BULLET -> label("•  " + b.text());
      case TABLE -> table(b.rows());
    };
  }

  private static GridPane table(List<List<String>> rows) {
    GridPane g = new GridPane();
    g.setHgap(12);
    g.setVgap(2);
    g.getStyleClass().add("notices-table");
    for (double percent : columnPercents(rows)) {
      ColumnConstraints cc = new ColumnConstraints();
      cc.setPercentWidth(percent);
      g.getColumnConstraints().add(cc);
    }
    for (int r = 0; r < rows.size(); r++) {
      List<String> row = rows.get(r);
      for (int c = 0; c < row.size(); c++) {
        Label l = label(row.get(c));
        l.getStyleClass().add(r == 0 ? "text-bold" : "text-small");
        g.add(l, c, r);
      }
    }
    return g;
  }

  /**
   * Column widths in percent of the table, by the longest cell of each column, clamped so that
   * short columns (versions) keep a whole word and long ones (URLs, artifact ids) wrap.
   */
  static List<Double> columnPercents(List<List<String>> rows) {
    int cols = rows.stream().mapToInt(List::size).max().orElse(0);
    double[] weight = new double[cols];
    for (List<String> row : rows) {
      for (int c = 0; c < row.size(); c++) {
        weight[c] =
            Math.max(
                weight[c],
                Math.min(MAX_COLUMN_WEIGHT, Math.max(MIN_COLUMN_WEIGHT, row.get(c).length())));
      }
    }
    double sum = java.util.Arrays.stream(weight).sum();
    List<Double> out = new ArrayList<>();
    for (double w : weight) {
      out.add(100 * w / sum);
    }
    return out;
  }

  private static Label label(String text) {
    Label l = new Label(text);
    l.setWrapText(true);
    l.setMinHeight(Region.USE_PREF_SIZE);
    return l;
  }
}

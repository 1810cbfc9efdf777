package dev.wbsr.job;

import java.util.regex.Pattern;

/**
 * What makes a failure message unfit for a user (issue 14.10): Java class names, exception names,
 * stack frames, a decoder's internal arithmetic, several lines, or the file's name twice.
 */
public final class PlainText {

  private static final Pattern JAVA_TEXT =
      Pattern.compile(
          "\\b(?:java|javax|com|sun|jdk|org)\\.[a-z]\\w*\\.|\\w+(?:Exception|Error)\\b|\\bat [a-z]\\w*\\."
              + "|cannot be cast|/ by zero|may not be null|out of bounds for length|\\bnull\\b"
              + "|Index \\d+|\\bint\\[\\]|\\[B\\b|\\bNaN\\b|(?i:exception)|:\\)|: *$");

  private PlainText() {}

  /**
   * Null if {@code message} (an {@code ImageException}'s) is one plain sentence naming the file.
   */
  public static String problem(String message, String fileName) {
    if (message == null || message.isBlank()) {
      return "no message";
    }
    if (!message.startsWith(fileName + ": ")) {
      return "does not start with the file's name";
    }
    if (message.startsWith(fileName + ": " + fileName)) {
      return "names the file twice";
    }
    return textProblem(message.substring(fileName.length() + 2));
  }

  /** Null if {@code reason} (a runner's, printed after the file name) is one plain sentence. */
  public static String reasonProblem(String reason, String fileName) {
    if (reason == null || reason.isBlank()) {
      return "no reason";
    }
    if (reason.startsWith(fileName)) {
      return "names the file again";
    }
    return textProblem(reason);
  }

  private static String textProblem(String text) {
    if (text.contains("\n") || text.contains("\r")) {
      return "more than one line";
    }
    if (text.length() > 400) {
      return "longer than a sentence";
    }
    var m = JAVA_TEXT.matcher(text);
    if (m.find()) {
      return "Java text '" + m.group() + "'";
    }
    return null;
  }
}

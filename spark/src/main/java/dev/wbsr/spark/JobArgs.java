package dev.wbsr.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The job's command line: {@code --model --input --output [--mode] [--budget] [--format]
 * [--quality] [--models-dir] [--shared-model] [--device] [--results] [--tasks]}. Paths are Hadoop
 * paths (a scheme-less one is on the cluster's default file system).
 *
 * @param sharedModel the model folder exists at the same local path on every node (an image baked
 *     into the containers, a network mount): it is not shipped
 * @param tasks number of tasks the files are grouped into; 0 = chosen from the cluster and the
 *     sizes
 */
public record JobArgs(
    String model,
    String modelsDir,
    boolean sharedModel,
    String input,
    String output,
    String mode,
    Double budget,
    String cost,
    String format,
    int quality,
    String device,
    String results,
    int tasks) {

  public static final String USAGE =
      "usage: spark-submit --class dev.wbsr.spark.UpscaleJob wbsr-spark.jar --model NAME|DIR"
          + " --input PATH --output PATH [--mode MODE] [--budget B] [--cost flops|time] [--format png|jpg|tif]"
          + " [--quality Q] [--models-dir DIR] [--shared-model] [--device auto|cpu|gpu]"
          + " [--results PATH] [--tasks N]";

  /** Parses {@code args}; a bad or missing option is an {@link IllegalArgumentException}. */
  public static JobArgs parse(String[] args) {
    String model = "wbsr-x2";
    String modelsDir = null;
    boolean shared = false;
    String input = null;
    String output = null;
    String mode = null;
    Double budget = null;
    String cost = "flops";
    String format = "png";
    int quality = 92;
    String device = "auto";
    String results = null;
    int tasks = 0;
    List<String> rest = new ArrayList<>(List.of(args));
    while (!rest.isEmpty()) {
      String opt = rest.remove(0);
      if (opt.equals("--shared-model")) {
        shared = true;
        continue;
      }
      if (rest.isEmpty()) {
        throw new IllegalArgumentException(opt + " needs a value");
      }
      String v = rest.remove(0);
      switch (opt) {
        case "--model", "-m" -> model = v;
        case "--models-dir" -> modelsDir = v;
        case "--input" -> input = v;
        case "--output", "-o" -> output = v;
        case "--mode" -> mode = v;
        case "--budget" -> budget = number(opt, v);
        case "--cost" -> cost = v.toLowerCase(Locale.ROOT);
        case "--format" -> format = v.toLowerCase(Locale.ROOT);
        case "--quality" -> quality = (int) (double) number(opt, v);
        case "--device" -> device = v;
        case "--results" -> results = v;
        case "--tasks" -> tasks = (int) (double) number(opt, v);
        default -> throw new IllegalArgumentException("unknown option " + opt);
      }
    }
    if (input == null || output == null) {
      throw new IllegalArgumentException("--input and --output are required");
    }
    if (quality < 1 || quality > 100) {
      throw new IllegalArgumentException("--quality must be 1..100");
    }
    if (!cost.equals("flops") && !cost.equals("time")) {
      throw new IllegalArgumentException("--cost must be flops or time, got '" + cost + "'");
    }
    if (cost.equals("time") && budget == null) {
      throw new IllegalArgumentException(
          "--cost time needs --budget (without a budget WBSR follows the paper's rule)");
    }
    if (tasks < 0) {
      throw new IllegalArgumentException("--tasks must not be negative");
    }
    return new JobArgs(
        model, modelsDir, shared, input, output, mode, budget, cost, format, quality, device,
        results, tasks);
  }

  private static Double number(String opt, String v) {
    try {
      return Double.valueOf(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(opt + " needs a number, got '" + v + "'");
    }
  }
}

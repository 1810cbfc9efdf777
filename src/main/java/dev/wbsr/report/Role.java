package dev.wbsr.report;

import dev.wbsr.model.Manifest;

/** The bundles the report compares, by the name the training queue gives them. */
public enum Role {
  BASE("base", "uniform sampling, L1", Manifest.Kind.WBSR),
  WBSR("wbsr", "HES + BDLoss (WBSR)", Manifest.Kind.WBSR),
  CLASSSR("classsr", "ClassSR: classifier + 3 branches", Manifest.Kind.CLASSSR),
  HES("hes", "HES, L1", Manifest.Kind.WBSR),
  BD("bd", "uniform sampling, BDLoss", Manifest.Kind.WBSR);

  private final String prefix;
  private final String training;
  private final Manifest.Kind kind;

  Role(String prefix, String training, Manifest.Kind kind) {
    this.prefix = prefix;
    this.training = training;
    this.kind = kind;
  }

  /** The bundle's folder name under {@code models/}, e.g. {@code base-x2}. */
  public String bundleName(int scale) {
    return prefix + "-x" + scale;
  }

  /** How it was trained, for the tables. */
  public String training() {
    return training;
  }

  public Manifest.Kind kind() {
    return kind;
  }

  /** The ablation bundles (Table 2) exist at x2 only. */
  public boolean neededAt(int scale) {
    return (this != HES && this != BD) || scale == 2;
  }
}

package dev.wbsr.ui.model;

/** One row of the class to subnet table. */
public record ClassRow(int klass, int patches, double share, String subnet, double gflops) {}

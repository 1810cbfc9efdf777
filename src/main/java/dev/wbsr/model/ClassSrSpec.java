package dev.wbsr.model;

/** ClassSR extras of a {@code classsr} bundle: the classifier that picks a branch per patch. */
public record ClassSrSpec(String classifierFile, double classifierFlopsPerPatch) {}

package dev.wbsr.model;

/** Where the PyTorch reference outputs are and how close ONNX Runtime must come to them. */
public record ParitySpec(String file, double maxAbsError) {}

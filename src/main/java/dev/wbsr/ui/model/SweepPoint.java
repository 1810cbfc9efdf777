package dev.wbsr.ui.model;

/** One point of the trade-off chart: a policy setting, its FLOPs ratio and its PSNR-Y. */
public record SweepPoint(String series, double parameter, double flopsRatio, double psnr) {}

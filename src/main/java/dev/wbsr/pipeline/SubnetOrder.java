package dev.wbsr.pipeline;

/**
 * Which subnets WBSR's class -> subnet rules run over: the bundle's Pareto front (measured on its
 * calibration split; default) or, literally as the paper's wording reads, all M subnets sorted by
 * FLOPs. Bundles without a front (format 1) route literally either way.
 */
public enum SubnetOrder {
  PARETO,
  LITERAL
}

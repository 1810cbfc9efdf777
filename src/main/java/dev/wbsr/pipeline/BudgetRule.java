package dev.wbsr.pipeline;

/**
 * How a budget maps classes to subnets ({@link BudgetRouting}).
 *
 * <ul>
 *   <li>{@link #LEVEL}: class k gets member {@code min(M, ceil(L k))}, the largest L within the
 *       budget (harder classes never get cheaper members); the slider's rule.
 *   <li>{@link #EQ16}: the paper's Eq. 16 as written, class k gets {@code argmin_m |alpha k C_m / K
 *       - C_t|}, the largest {@code C_t / alpha} within the budget.
 * </ul>
 */
public enum BudgetRule {
  LEVEL,
  EQ16;

  /** The rule the app's slider and {@code --budget} use (the better one on the report's curves). */
  public static final BudgetRule SLIDER = LEVEL;

  public String id() {
    return this == LEVEL ? "level" : "eq16";
  }
}

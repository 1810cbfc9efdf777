package dev.wbsr.ui.core;

import dev.wbsr.pipeline.RoutingPolicy;
import dev.wbsr.ui.port.RoutingRequest;

/** The app's routing request as the core's policy (sessions and the batch's file job). */
public final class CorePolicies {

  private CorePolicies() {}

  public static RoutingPolicy of(RoutingRequest r) {
    return switch (r.mode()) {
      case WBSR -> new RoutingPolicy.Wbsr(r.budget());
      case SUPERNET -> new RoutingPolicy.Supernet();
      case ARM -> new RoutingPolicy.Arm(Math.max(0.01, r.eta()));
      case CLASSSR -> new RoutingPolicy.ClassSr();
      case BICUBIC -> new RoutingPolicy.Bicubic();
    };
  }
}

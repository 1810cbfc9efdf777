package dev.wbsr.model;

import java.util.OptionalDouble;

/**
 * What {@code training.wbsr.export} measured in PyTorch on one validation set (an entry of the
 * manifest's {@code validation}): whole-image inference, routed results composited per tile. Absent
 * numbers are empty, never zero.
 *
 * @param routedMode {@code wbsr} or {@code classsr}: the routing whose numbers {@code routed*} hold
 * @param routedFlopsRatio mean FLOPs of the routing over the supernet's (the largest network's)
 */
public record ValidationScores(
    int images,
    OptionalDouble bicubicPsnrY,
    OptionalDouble supernetPsnrY,
    OptionalDouble supernetSsimY,
    String routedMode,
    OptionalDouble routedPsnrY,
    OptionalDouble routedSsimY,
    OptionalDouble routedFlopsRatio) {}

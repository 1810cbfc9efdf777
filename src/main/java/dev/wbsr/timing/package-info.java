/**
 * Measured subnet cost on the running machine (issue 17): {@link dev.wbsr.timing.SubnetTimer} times
 * every subnet of a bundle with a short warm-up, {@link dev.wbsr.timing.SubnetTimesCache} keeps the
 * result per machine and bundle in the app's cache folder, and {@link dev.wbsr.timing.SubnetTimes}
 * is the cost vector a time budget routes by, in place of the paper's FLOPs.
 */
package dev.wbsr.timing;

/**
 * Performance measurement behind {@code wbsr bench}: wall time (median of several runs), output
 * megapixels per second, FLOPs ratio against wall-time ratio, and peak heap, for the whole-image
 * supernet, the patch pipeline on the supernet, WBSR dynamic routing and bicubic.
 */
package dev.wbsr.bench;

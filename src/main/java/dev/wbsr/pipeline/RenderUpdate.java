package dev.wbsr.pipeline;

import dev.wbsr.image.RgbImage;

/**
 * New pixels for one rectangle of the SR image.
 *
 * @param x left edge in SR pixels ({@code pixels} is placed at (x, y))
 * @param pixels the rectangle's new content (owned by the receiver)
 * @param patches grid patches inside the rectangle whose content changed
 */
public record RenderUpdate(int x, int y, RgbImage pixels, int[] patches) {}

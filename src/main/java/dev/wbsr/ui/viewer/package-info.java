/**
 * The image viewer: renders only the visible region of a (possibly 24-megapixel) image into a
 * viewport-sized buffer, with overlays, split and side-by-side compare.
 */
package dev.wbsr.ui.viewer;

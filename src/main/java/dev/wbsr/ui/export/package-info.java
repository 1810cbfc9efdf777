/** Exports: SR image, heat-map, side-by-side, per-patch CSV (pure builders + file naming). */
package dev.wbsr.ui.export;

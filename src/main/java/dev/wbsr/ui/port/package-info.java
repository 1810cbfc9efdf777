/**
 * The narrow ports the app's view-models call: bundles, an incremental upscale session, image
 * I/O and metrics. {@code dev.wbsr.ui.core} adapts them to the headless core; tests may plug
 * doubles. Nothing here imports JavaFX.
 */
package dev.wbsr.ui.port;

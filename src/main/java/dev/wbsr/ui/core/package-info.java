/**
 * Adapters from the UI's ports ({@code dev.wbsr.ui.port}) to the headless core: model bundles,
 * the ONNX engine and the incremental upscale session, image I/O and metrics.
 */
package dev.wbsr.ui.core;

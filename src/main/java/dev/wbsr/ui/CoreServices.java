package dev.wbsr.ui;

import dev.wbsr.ui.core.CoreAdapters;
import dev.wbsr.ui.port.Services;

/** The app's services: the real core (bundles, ONNX engine, sessions, image I/O, metrics). */
final class CoreServices {

  private CoreServices() {}

  static Services create() {
    return CoreAdapters.services();
  }
}

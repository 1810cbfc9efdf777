package dev.wbsr.ui;

import dev.wbsr.ui.port.Services;

/** Adapts the headless core (engine, pipeline, image, metrics) to the UI's ports. */
final class CoreServices {

  private CoreServices() {}

  static Services create() {
    throw new IllegalStateException("the core engine is not wired yet");
  }
}

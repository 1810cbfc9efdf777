package dev.wbsr.ui.port;

import dev.wbsr.image.RgbImage;
import java.nio.file.Path;

/** A decoded image plus what must travel to its outputs (EXIF, ICC), opaque to the UI. */
public record LoadedImage(RgbImage image, Object metadata, String format, Path source) {}

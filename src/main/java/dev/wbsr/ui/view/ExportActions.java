package dev.wbsr.ui.view;

import dev.wbsr.image.ImageFormat;
import dev.wbsr.image.PartFiles;
import dev.wbsr.image.RgbImage;
import dev.wbsr.ui.export.ExportTarget;
import dev.wbsr.ui.export.Exports;
import dev.wbsr.ui.export.ImageExport;
import dev.wbsr.ui.export.OutputQuality;
import dev.wbsr.ui.model.Document;
import dev.wbsr.ui.model.Images;
import dev.wbsr.ui.model.OverlayKind;
import dev.wbsr.ui.model.OverlayMaps;
import dev.wbsr.ui.model.StudioCore;
import dev.wbsr.ui.model.StudioModel;
import dev.wbsr.ui.model.UserMessages;
import dev.wbsr.ui.model.Variant;
import dev.wbsr.ui.viewer.PixelSource;
import java.io.File;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.concurrent.Task;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The Export menu: file choosers on the FX thread, the writing on a background task. */
final class ExportActions {

  private final StudioModel model;
  private final Window owner;
  private final Consumer<Task<?>> runner;

  ExportActions(StudioModel model, Window owner, Consumer<Task<?>> runner) {
    this.model = model;
    this.owner = owner;
    this.runner = runner;
  }

  private Document ready(Variant v) {
    Document d = model.source().documentProperty().get();
    if (d == null) {
      model.reportError("Open an image first.");
      return null;
    }
    if (v != null && !model.isComplete(v)) {
      model.reportError(
          v.label() + " is still being computed; export when the progress bar is done.");
      return null;
    }
    return d;
  }

  private Path choose(String title, String name, String... exts) {
    FileChooser fc = new FileChooser();
    fc.setTitle(title);
    for (String e : exts) {
      fc.getExtensionFilters()
          .add(new FileChooser.ExtensionFilter(e.toUpperCase() + " (*." + e + ")", "*." + e));
    }
    // the photo's own folder (not the working directory), else where the last export went
    String last = model.settings().get("exportDir", null);
    Document d = model.source().documentProperty().get();
    Path source = d == null || d.loaded() == null ? null : d.loaded().source();
    fc.setInitialDirectory(
        ExportTarget.initialFolder(
                source,
                last == null ? null : Path.of(last),
                Path.of(System.getProperty("user.home")))
            .toFile());
    fc.setInitialFileName(name);
    String ext = dev.wbsr.image.ImageFormat.extensionOf(name);
    fc.getExtensionFilters().stream()
        .filter(f -> f.getExtensions().contains("*." + ext))
        .findFirst()
        .ifPresent(fc::setSelectedExtensionFilter);
    File f = fc.showSaveDialog(owner);
    if (f == null) {
      return null;
    }
    model.settings().put("exportDir", f.getParent());
    return f.toPath();
  }

  private String base(Document d) {
    return Exports.stem(d.name()) + "-" + d.bundle().name();
  }

  void exportImage() {
    Variant v = model.compare().leftVariantProperty().get();
    Document d = ready(v);
    if (d == null) {
      return;
    }
    String ext = model.settings().get("export.format", "png");
    Path p = choose("Export upscaled image", suggestedName(d, v, ext), "png", "jpg", "webp", "tif");
    if (p != null) {
      model.settings().put("export.format", Exports.formatOf(p.toString()));
      saveImage(p, d, v);
    }
  }

  /** {@code photo-wbsr-x2.png}: the bundle names a WBSR result, the mode any other one. */
  static String suggestedName(Document d, Variant v, String ext) {
    return ExportTarget.name(
        d.name(),
        d.bundle().name(),
        d.bundle().manifest().scale(),
        v == Variant.WBSR ? null : v.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
        ext);
  }

  /**
   * Writes the left variant to {@code p} (format from the extension, the user's JPEG/WebP quality),
   * keeping metadata.
   */
  void saveImage(Path p, Document d, Variant v) {
    RgbImage img = model.output(v);
    int quality = OutputQuality.get(model.settings());
    run(
        "Saving " + p.getFileName(),
        () ->
            ImageExport.write(
                img,
                d.loaded() == null ? null : d.loaded().image(),
                p,
                Exports.formatOf(p.toString()),
                quality),
        () -> model.markSaved());
  }

  void exportHeatmap() {
    Variant v = model.compare().leftVariantProperty().get();
    Document d = ready(v);
    if (d == null) {
      return;
    }
    OverlayKind k =
        model.overlay().kindProperty().get() == OverlayKind.OFF
            ? OverlayKind.CLASS
            : model.overlay().kindProperty().get();
    Path p =
        choose(
            "Export heat-map",
            base(d) + "-" + (k == OverlayKind.CLASS ? "classes" : "subnets") + ".png",
            "png");
    if (p == null) {
      return;
    }
    var map =
        OverlayMaps.of(k, d.bundle(), d.analysis(), model.routingState().routingProperty().get());
    RgbImage base = model.output(v) == null ? Images.enlarge(d.lr(), d.scale()) : model.output(v);
    double op = Math.max(0.35, model.overlay().opacityProperty().get());
    run(
        "Saving " + p.getFileName(),
        () -> StudioCore.write(Exports.heatmap(base, map, op), null, p, ImageFormat.PNG),
        () -> {});
  }

  void exportSideBySide() {
    Variant l = model.compare().leftVariantProperty().get();
    Variant r = model.compare().rightVariantProperty().get();
    Document d = ready(l);
    if (d == null || ready(r) == null) {
      return;
    }
    Path p =
        choose(
            "Export side-by-side",
            base(d) + "-" + l.name().toLowerCase() + "-vs-" + r.name().toLowerCase() + ".png",
            "png",
            "jpg",
            "webp");
    if (p == null) {
      return;
    }
    PixelSource ls = source(d, l);
    PixelSource rs = source(d, r);
    if (ls == null || rs == null) {
      model.reportError("Both sides must be available to export a comparison.");
      return;
    }
    int quality = OutputQuality.get(model.settings());
    run(
        "Saving " + p.getFileName(),
        () ->
            ImageExport.write(
                Exports.sideBySide(ls, rs, 8), null, p, Exports.formatOf(p.toString()), quality),
        () -> {});
  }

  private PixelSource source(Document d, Variant v) {
    return v == Variant.INPUT
        ? PixelSource.enlarged(d.lr(), d.scale())
        : PixelSource.of(model.output(v));
  }

  void exportCsv() {
    Document d = ready(null);
    if (d == null) {
      return;
    }
    Path p = choose("Export per-patch table", base(d) + "-patches.csv", "csv");
    if (p == null) {
      return;
    }
    var r = model.routingState().routingProperty().get();
    run(
        "Saving " + p.getFileName(),
        () ->
            PartFiles.writeAtomically(
                p,
                tmp -> {
                  try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                    Exports.patchCsv(
                        w, d.bundle(), d.analysis(), r, d.lr().width(), d.lr().height());
                  }
                }),
        () -> {});
  }

  interface Job {
    void run() throws Exception;
  }

  private void run(String message, Job job, Runnable done) {
    Task<Void> t =
        new Task<>() {
          @Override
          protected Void call() throws Exception {
            updateMessage(message + "…");
            job.run();
            return null;
          }
        };
    t.setOnSucceeded(e -> done.run());
    t.setOnFailed(
        e -> model.reportError("Export failed: " + UserMessages.describe(t.getException())));
    runner.accept(t);
  }
}

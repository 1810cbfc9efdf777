package dev.wbsr.ui.view;

import dev.wbsr.image.ImageFormat;
import dev.wbsr.image.PartFiles;
import dev.wbsr.image.RgbImage;
import dev.wbsr.ui.export.Exports;
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
      model.reportError(v.label() + " is still being computed; export when the progress bar is done.");
      return null;
    }
    return d;
  }

  private Path choose(String title, String name, String... exts) {
    FileChooser fc = new FileChooser();
    fc.setTitle(title);
    for (String e : exts) {
      fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(e.toUpperCase() + " (*." + e + ")", "*." + e));
    }
    String dir = model.settings().get("exportDir", null);
    if (dir != null && new File(dir).isDirectory()) {
      fc.setInitialDirectory(new File(dir));
    }
    fc.setInitialFileName(name);
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
    Path p = choose("Export upscaled image", base(d) + "-" + v.name().toLowerCase() + ".png", "png", "jpg", "tif");
    if (p != null) {
      saveImage(p, d, v);
    }
  }

  /** Writes the left variant to {@code p} (format from the extension), keeping metadata. */
  void saveImage(Path p, Document d, Variant v) {
    RgbImage img = model.output(v);
    run("Saving " + p.getFileName(), () ->
        StudioCore.write(img, d.loaded(), p, ImageFormat.parseWritable(Exports.formatOf(p.toString()))),
        () -> model.markSaved());
  }

  void exportHeatmap() {
    Variant v = model.compare().leftVariantProperty().get();
    Document d = ready(v);
    if (d == null) {
      return;
    }
    OverlayKind k = model.overlay().kindProperty().get() == OverlayKind.OFF ? OverlayKind.CLASS : model.overlay().kindProperty().get();
    Path p = choose("Export heat-map", base(d) + "-" + (k == OverlayKind.CLASS ? "classes" : "subnets") + ".png", "png");
    if (p == null) {
      return;
    }
    var map = OverlayMaps.of(k, d.bundle(), d.analysis(), model.routingState().routingProperty().get());
    RgbImage base = model.output(v) == null ? Images.enlarge(d.lr(), d.scale()) : model.output(v);
    double op = Math.max(0.35, model.overlay().opacityProperty().get());
    run("Saving " + p.getFileName(), () ->
        StudioCore.write(Exports.heatmap(base, map, op), null, p, ImageFormat.PNG), () -> {});
  }

  void exportSideBySide() {
    Variant l = model.compare().leftVariantProperty().get();
    Variant r = model.compare().rightVariantProperty().get();
    Document d = ready(l);
    if (d == null || ready(r) == null) {
      return;
    }
    Path p = choose("Export side-by-side", base(d) + "-" + l.name().toLowerCase() + "-vs-" + r.name().toLowerCase() + ".png", "png", "jpg");
    if (p == null) {
      return;
    }
    PixelSource ls = source(d, l);
    PixelSource rs = source(d, r);
    if (ls == null || rs == null) {
      model.reportError("Both sides must be available to export a comparison.");
      return;
    }
    run("Saving " + p.getFileName(), () ->
        StudioCore.write(Exports.sideBySide(ls, rs, 8), null, p,
            ImageFormat.parseWritable(Exports.formatOf(p.toString()))), () -> {});
  }

  private PixelSource source(Document d, Variant v) {
    return v == Variant.INPUT ? PixelSource.enlarged(d.lr(), d.scale()) : PixelSource.of(model.output(v));
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
    run("Saving " + p.getFileName(), () -> PartFiles.writeAtomically(p, tmp -> {
      try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        Exports.patchCsv(w, d.bundle(), d.analysis(), r, d.lr().width(), d.lr().height());
      }
    }), () -> {});
  }

  interface Job {
    void run() throws Exception;
  }

  private void run(String message, Job job, Runnable done) {
    Task<Void> t = new Task<>() {
      @Override
      protected Void call() throws Exception {
        updateMessage(message + "…");
        job.run();
        return null;
      }
    };
    t.setOnSucceeded(e -> done.run());
    t.setOnFailed(e -> model.reportError("Export failed: " + UserMessages.describe(t.getException())));
    runner.accept(t);
  }
}

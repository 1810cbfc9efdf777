package dev.wbsr.ui.model;

import dev.wbsr.image.RgbImage;
import dev.wbsr.metrics.Bicubic;
import dev.wbsr.metrics.ModCrop;
import dev.wbsr.model.ModelBundle;
import dev.wbsr.pipeline.UpscaleSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.concurrent.Task;

/**
 * The document's life cycle: reads a file in the background, prepares a {@link Document} for the
 * bundle and work mode (opening the core's session: scores and classes, no inference), installs it,
 * and closes the one it replaces on the engine thread. The document of the other work mode on the
 * same image is kept with its outputs, so switching Evaluate -> Upscale -> Evaluate reuses what was
 * computed instead of running it again.
 */
final class DocumentLoader {

  private final Studio s;
  private final Runnable onInstalled;
  private long generation;

  /** The last document of the other work mode on the same image, and its outputs. */
  private Document parked;

  private VariantOutputs parkedOutputs;

  DocumentLoader(Studio s, Runnable onInstalled) {
    this.s = s;
    this.onInstalled = onInstalled;
  }

  /** Opens an image file in the background; an unreadable file ends in a message. */
  void open(Path file, boolean sample) {
    s.runInBackground(
        new Task<SourceImage>() {
          @Override
          protected SourceImage call() throws Exception {
            updateMessage("Reading " + file.getFileName() + "…");
            SourceImage img = s.core.read(file);
            return sample ? img.asSample() : img;
          }

          @Override
          protected void succeeded() {
            if (!sample) {
              s.settings.put("lastDir", file.toAbsolutePath().getParent().toString());
              s.source.recent.setAll(s.settings.addRecent(file));
            }
            openLoaded(getValue());
          }

          @Override
          protected void failed() {
            s.source.loading.set(false);
            s.reportError(
                "Cannot open " + file.getFileName() + ": " + UserMessages.describe(getException()));
          }
        });
  }

  /** The first file opens; the others that exist go to Open Recent. Returns the status note. */
  String openFiles(List<Path> files) {
    List<Path> rest = files.subList(1, files.size());
    List<String> missing = new ArrayList<>();
    int added = 0;
    for (int i = rest.size() - 1; i >= 0; i--) {
      Path p = rest.get(i);
      if (Files.isRegularFile(p)) {
        s.source.recent.setAll(s.settings.addRecent(p));
        added++;
      } else {
        missing.add(0, String.valueOf(p.getFileName()));
      }
    }
    open(files.get(0), false);
    return StartupNotes.text(added, missing);
  }

  void openLoaded(SourceImage img) {
    SourceImage before = s.source.loaded;
    s.source.loaded = img;
    if (!prepare()) {
      s.source.loaded = before; // refused: the photo shown stays the current one
    }
  }

  /**
   * (Re)makes the document for the current image, bundle and work mode; false when the photo cannot
   * fit in the heap (said in plain words, nothing started).
   */
  boolean prepare() {
    ModelBundle b = s.routing.bundle.get();
    SourceImage img = s.source.loaded;
    if (b == null || img == null) {
      return true;
    }
    String refusal = s.core.refusal(img, b, s.source.workMode.get());
    if (refusal != null) {
      s.source.loading.set(false);
      s.reportError(refusal);
      return false;
    }
    s.queue.cancelAll();
    long gen = ++generation;
    WorkMode mode = s.source.workMode.get();
    if (parked != null && parked.loaded() == img && parked.mode() == mode && parked.bundle() == b) {
      Document back = parked;
      VariantOutputs outs = parkedOutputs;
      parked = null;
      parkedOutputs = null;
      install(back, outs);
      return true;
    }
    ModelBundle companionBundle =
        Companion.pick(
            b, s.routing.bundles, s.settings.get("bundle.wbsr", "wbsr-x" + Bundles.scale(b)));
    s.source.loading.set(true);
    Task<Document> t =
        new Task<>() {
          @Override
          protected Document call() {
            updateMessage("Preparing " + img.name() + "…");
            RgbImage lr = img.rgb();
            RgbImage gt = null;
            int scale = Bundles.scale(b);
            if (mode == WorkMode.EVALUATE) {
              gt = ModCrop.apply(img.rgb(), scale);
              lr = Bicubic.downscale(gt, scale);
            }
            UpscaleSession session = s.core.open(b, lr);
            Companion c =
                companionBundle == null ? null : new Companion(companionBundle, s.core, lr);
            return new Document(
                img.name(), img, mode, b, lr, gt, session, session.analysis(), gen, c);
          }

          @Override
          protected void succeeded() {
            if (gen == generation) {
              install(getValue(), null);
            } else {
              s.engineExec.execute(getValue()::close);
            }
          }

          @Override
          protected void failed() {
            s.source.loading.set(false);
            s.reportError(
                "Cannot prepare "
                    + img.name()
                    + " for "
                    + b.name()
                    + ": "
                    + UserMessages.describe(getException()));
          }
        };
    s.queue.request("prepare", () -> t, true);
    return true;
  }

  private void install(Document doc, VariantOutputs restored) {
    Document old = s.document();
    if (old != null && old != doc) {
      boolean otherMode =
          old.loaded() == doc.loaded() && old.bundle() == doc.bundle() && old.mode() != doc.mode();
      if (otherMode) {
        closeParked();
        parked = old;
        parkedOutputs = s.outputs.snapshot();
      } else {
        if (parked != null && parked != doc) {
          closeParked();
        }
        s.engineExec.execute(old::close);
      }
    }
    s.outputs.clear();
    if (restored != null) {
      s.outputs.restore(restored);
    }
    s.readouts.clear();
    s.source.loading.set(false);
    s.overlay.useFor(s.settings, doc.loaded().sample());
    s.source.document.set(doc);
    s.source.dirty.set(false);
    onInstalled.run();
  }

  private void closeParked() {
    if (parked != null) {
      Document p = parked;
      s.engineExec.execute(p::close);
      parked = null;
      parkedOutputs = null;
    }
  }

  /** Closes the documents on the engine thread (at exit). */
  void closeAll() {
    closeParked();
    Document d = s.document();
    if (d != null) {
      s.engineExec.execute(d::close);
    }
  }
}

package dev.wbsr.ui.model;

import java.nio.file.Path;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The opened image and what is made of it: the work mode, the prepared {@link Document}, whether it
 * is being prepared, whether its result is unsaved, the window title, and the recent files. All
 * read-only outward: the work mode changes through {@link #setWorkMode}, the rest only through
 * {@link StudioModel}. FX thread only.
 */
public final class SourceState {

  final ReadOnlyObjectWrapper<WorkMode> workMode =
      new ReadOnlyObjectWrapper<>(this, "workMode", WorkMode.UPSCALE);
  final ReadOnlyObjectWrapper<Document> document = new ReadOnlyObjectWrapper<>(this, "document");
  final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
  final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
  private final ReadOnlyStringWrapper title =
      new ReadOnlyStringWrapper(this, "title", "WBSR Studio");
  final ObservableList<Path> recent = FXCollections.observableArrayList();

  /** The decoded image the document is (re)made from when the bundle or work mode changes. */
  SourceImage loaded;

  SourceState() {
    document.addListener(o -> updateTitle());
    dirty.addListener(o -> updateTitle());
  }

  void restore(Settings settings) {
    workMode.set(settings.getEnum("workMode", WorkMode.UPSCALE));
    recent.setAll(settings.recentFiles());
  }

  void save(Settings settings) {
    settings.putEnum("workMode", workMode.get());
  }

  private void updateTitle() {
    Document d = document.get();
    title.set((d == null ? "" : (dirty.get() ? "• " : "") + d.name() + " — ") + "WBSR Studio");
  }

  public ReadOnlyObjectProperty<WorkMode> workModeProperty() {
    return workMode.getReadOnlyProperty();
  }

  /** Upscale the image as given, or evaluate: downscale it first and compare with the original. */
  public void setWorkMode(WorkMode m) {
    workMode.set(m);
  }

  public ReadOnlyObjectProperty<Document> documentProperty() {
    return document.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty loadingProperty() {
    return loading.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty dirtyProperty() {
    return dirty.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty titleProperty() {
    return title.getReadOnlyProperty();
  }

  public ObservableList<Path> recentFiles() {
    return recent;
  }
}

package dev.wbsr.ui.model;

import java.nio.file.Path;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The opened image and what is made of it: the work mode, the prepared {@link Document}, whether it
 * is being prepared, whether its result is unsaved, the window title, and the recent files. The
 * writable parts that only {@link StudioModel} may change are package-private. FX thread only.
 */
public final class SourceState {

  final ObjectProperty<WorkMode> workMode =
      new SimpleObjectProperty<>(this, "workMode", WorkMode.UPSCALE);
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

  public ObjectProperty<WorkMode> workModeProperty() {
    return workMode;
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

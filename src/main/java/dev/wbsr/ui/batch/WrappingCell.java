package dev.wbsr.ui.batch;

import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;

/**
 * A failure line wrapped to the list's width, so a long reason never needs horizontal scrolling.
 */
final class WrappingCell extends ListCell<String> {
  WrappingCell(ListView<String> list) {
    setWrapText(true);
    prefWidthProperty().bind(list.widthProperty().subtract(24));
    setMaxWidth(USE_PREF_SIZE);
  }

  @Override
  protected void updateItem(String item, boolean empty) {
    super.updateItem(item, empty);
    setText(empty ? null : item);
  }
}

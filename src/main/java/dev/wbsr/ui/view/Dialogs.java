package dev.wbsr.ui.view;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** In-window messages: a modal alert owned by the main window, with a plain sentence. */
public final class Dialogs {

  private Dialogs() {}

  public static Alert error(Window owner, String message) {
    Alert a = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
    a.setTitle("WBSR Studio");
    a.setHeaderText("Something went wrong");
    a.getDialogPane().setId("errorDialog");
    a.getDialogPane().setMinWidth(420);
    a.getDialogPane().setMaxWidth(640);
    if (owner != null) {
      a.initOwner(owner);
    }
    a.show();
    return a;
  }

  public static Alert info(Window owner, String header, String message) {
    Alert a = new Alert(Alert.AlertType.INFORMATION, message, ButtonType.OK);
    a.setTitle("WBSR Studio");
    a.setHeaderText(header);
    a.getDialogPane().setId("infoDialog");
    if (owner != null) {
      a.initOwner(owner);
    }
    a.show();
    return a;
  }
}

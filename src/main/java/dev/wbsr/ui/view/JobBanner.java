package dev.wbsr.ui.view;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The in-app notification: a line above the viewer saying a long job has ended while the window was
 * in the background, there until the user dismisses it (so it is seen on coming back).
 */
final class JobBanner extends HBox {

  private final Label text = new Label();

  JobBanner() {
    super(8);
    setId("jobBanner");
    getStyleClass().add("job-banner");
    setAlignment(Pos.CENTER_LEFT);
    text.setId("jobBannerText");
    text.setMinWidth(0);
    text.setMaxWidth(Double.MAX_VALUE);
    HBox.setHgrow(text, Priority.ALWAYS);
    Button close = Ui.iconButton("jobBannerClose", "mdi2c-close", "Dismiss", this::hide);
    close.getStyleClass().add(Styles.SMALL);
    getChildren().addAll(Ui.icon("mdi2b-bell-outline"), text, close);
    managedProperty().bind(visibleProperty());
    setVisible(false);
  }

  void show(String message) {
    text.setText(message);
    setVisible(true);
  }

  void hide() {
    setVisible(false);
  }

  String message() {
    return isVisible() ? text.getText() : null;
  }
}

package dev.wbsr.ui.view;

import atlantafx.base.theme.Styles;
import dev.wbsr.ui.model.Document;
import dev.wbsr.ui.model.StudioModel;
import dev.wbsr.ui.model.WorkMode;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Source: the opened file, its size, Open, and Upscale / Evaluate. */
final class SourcePane extends VBox {

  SourcePane(StudioModel model, Runnable openAction) {
    super(8);
    getStyleClass().add("sidebar-section");
    Label name = new Label("No image");
    name.setId("sourceName");
    name.getStyleClass().add(Styles.TEXT_BOLD);
    Label size = new Label("Open a photo, drop one here or paste");
    size.setId("sourceSize");
    size.getStyleClass().add(Styles.TEXT_MUTED);
    size.setWrapText(true);
    model
        .source()
        .documentProperty()
        .addListener(
            (o, was, d) -> {
              name.setText(d == null ? "No image" : d.name());
              size.setText(d == null ? "" : describe(d));
            });
    HBox modes =
        Ui.segmented(
            model.source().workModeProperty(),
            model.source()::setWorkMode,
            WorkMode.values(),
            m -> m == WorkMode.UPSCALE ? "modeUpscale" : "modeEvaluate",
            WorkMode::toString);
    ((javafx.scene.control.ToggleButton) modes.getChildren().get(0))
        .setTooltip(
            new javafx.scene.control.Tooltip("Upscale (E): the image is the low-resolution input"));
    ((javafx.scene.control.ToggleButton) modes.getChildren().get(1))
        .setTooltip(
            new javafx.scene.control.Tooltip(
                "Evaluate (E): the image is ground truth; its LR is made with MATLAB-style bicubic,\n"
                    + "upscaled, and scored against the original (PSNR-Y / SSIM-Y)"));
    getChildren()
        .addAll(
            Ui.heading("SOURCE"),
            new HBox(
                8,
                Ui.grow(new VBox(2, name, size)),
                Ui.iconButton(
                    "openButton",
                    "mdi2f-folder-open-outline",
                    "Open an image (Ctrl+O)",
                    openAction)),
            modes);
  }

  private static String describe(Document d) {
    String lr = d.lr().width() + "×" + d.lr().height();
    String out = d.outWidth() + "×" + d.outHeight();
    return d.mode() == WorkMode.EVALUATE
        ? "Ground truth "
            + d.groundTruth().width()
            + "×"
            + d.groundTruth().height()
            + " → LR "
            + lr
            + " → "
            + out
        : "LR " + lr + " → " + out + " (×" + d.scale() + ")";
  }
}

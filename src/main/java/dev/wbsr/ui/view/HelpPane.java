package dev.wbsr.ui.view;

import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The Help panel: what the app shows and every keyboard shortcut. */
final class HelpPane {

  static final String[][] SHORTCUTS = {
    {"Ctrl+O", "Open an image"},
    {"Ctrl+V", "Paste an image (or a copied file)"},
    {"Ctrl+S", "Export the upscaled image (PNG, JPEG, TIFF)"},
    {"Ctrl+Shift+H", "Export the heat-map as PNG"},
    {"Ctrl+Shift+S", "Export a side-by-side comparison"},
    {"Ctrl+Shift+C", "Export the per-patch table as CSV"},
    {"Ctrl+B", "Batch export a folder"},
    {"E", "Switch Upscale / Evaluate"},
    {"W  S  A  B", "Mode: WBSR, supernet, ARM, bicubic"},
    {"C", "Mode: ClassSR (ClassSR bundles: its classifier picks a branch per patch)"},
    {"[  ]", "Lower / raise the compute budget by 5 %"},
    {"M", "Heat-map: class map → subnet map → off"},
    {"V", "Compare: single → side by side → split → flip"},
    {"Space (hold)", "Flip to the other side in place (flip mode)"},
    {"Ctrl+=  Ctrl+-", "Zoom in / out (or the mouse wheel)"},
    {"Ctrl+0  Ctrl+1", "Fit / 100 % (or double-click)"},
    {"Drag", "Pan; drag the split line to move it"},
    {"Arrow keys", "Pan (click the image first)"},
    {"Ctrl+T", "Trade-off chart"},
    {"Ctrl+Shift+D", "Dark / light theme"},
    {"Esc", "Cancel the running job"},
    {"F1", "This help"},
    {"Ctrl+Q", "Quit"},
  };

  private HelpPane() {}

  static void show(Window owner) {
    GridPane g = new GridPane();
    g.setHgap(16);
    g.setVgap(4);
    for (int i = 0; i < SHORTCUTS.length; i++) {
      Label k = new Label(SHORTCUTS[i][0]);
      k.getStyleClass().add("kbd");
      g.addRow(i, k, new Label(SHORTCUTS[i][1]));
    }
    Label intro = new Label(
        "WBSR routes every 32×32 patch of the input to a subnet by its gradient complexity class: "
            + "flat patches run on small subnets, textured ones on the full supernet. The heat-map "
            + "shows the class (or subnet) of each patch; hover a patch for its score and FLOPs. The "
            + "compute budget remaps classes to subnets; only patches whose subnet changed are "
            + "recomputed.");
    intro.setWrapText(true);
    intro.setMaxWidth(520);
    VBox box = new VBox(12, intro, g);
    box.setPadding(new Insets(8));
    box.setId("helpPane");
    Alert a = new Alert(Alert.AlertType.NONE, null, ButtonType.CLOSE);
    a.setTitle("WBSR Studio — Help");
    a.setHeaderText("Keyboard shortcuts");
    a.getDialogPane().setContent(box);
    a.initOwner(owner);
    a.show();
  }
}

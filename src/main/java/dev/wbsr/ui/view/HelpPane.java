package dev.wbsr.ui.view;

import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The Help panel: what the app shows and every keyboard shortcut. */
final class HelpPane {

  /** What each shortcut does; the keys are shown by {@link #keysText} in the platform's words. */
  static final String[][] SHORTCUTS = {
    {
      "Shortcut+O",
      "Open an image (or drop it on the window; drop a folder or several files to batch)"
    },
    {"Shortcut+V", "Paste an image (or a copied file)"},
    {"Shortcut+S", "Export the upscaled image (PNG, JPEG, WebP, TIFF)"},
    {"Shortcut+Shift+H", "Export the heat-map as PNG"},
    {"Shortcut+Shift+S", "Export a side-by-side comparison"},
    {"Shortcut+Shift+C", "Export the per-patch table as CSV"},
    {"Shortcut+B", "Batch export a folder"},
    {"E", "Switch Upscale / Evaluate"},
    {"W S A B", "Mode: WBSR, supernet, ARM, bicubic"},
    {"C", "Mode: ClassSR (ClassSR bundles: its classifier picks a branch per patch)"},
    {"OPEN_BRACKET CLOSE_BRACKET", "Lower / raise the compute budget by 5 %"},
    {"M", "Heat-map: class map → subnet map → off"},
    {"V", "Compare: single → side by side → split → flip"},
    {"L", "Magnifier lens: both sides enlarged under the cursor"},
    {"=Space (hold)", "Flip to the other side in place (flip mode)"},
    {"Shortcut+EQUALS Shortcut+MINUS", "Zoom in / out (or the mouse wheel)"},
    {"Shortcut+0 Shortcut+1", "Fit / 100 % (or double-click)"},
    {"=Drag", "Pan; drag the split line to move it"},
    {"=Arrow keys", "Pan (click the image first)"},
    {"Shortcut+T", "Trade-off chart"},
    {"Shortcut+Shift+D", "Dark / light theme"},
    {"ESCAPE", "Cancel the running job"},
    {"F1", "This help"},
    {"Shortcut+Q", "Quit"},
  };

  /** Space-separated key specs as the platform names them; "=text" is shown as written. */
  static String keysText(String specs) {
    return specs.startsWith("=") ? specs.substring(1) : Keys.display(specs.split(" "));
  }

  private HelpPane() {}

  static Alert show(Window owner) {
    GridPane g = new GridPane();
    g.setHgap(16);
    g.setVgap(4);
    for (int i = 0; i < SHORTCUTS.length; i++) {
      Label k = new Label(keysText(SHORTCUTS[i][0]));
      k.getStyleClass().add("kbd");
      k.setMinWidth(Region.USE_PREF_SIZE); // a key name is never cut to "Ctrl+S…"
      Label what = new Label(SHORTCUTS[i][1]);
      what.setWrapText(true);
      what.setMaxWidth(440);
      g.addRow(i, k, what);
    }
    Label intro =
        new Label(
            "WBSR routes every 32×32 patch of the input to a subnet by its gradient complexity class: "
                + "flat patches run on small subnets, textured ones on the full supernet. The heat-map "
                + "shows the class (or subnet) of each patch; hover a patch for its score and FLOPs. The "
                + "compute budget remaps classes to subnets; only patches whose subnet changed are "
                + "recomputed.");
    intro.setWrapText(true);
    intro.setMaxWidth(560);
    VBox box = new VBox(12, intro, g);
    box.setPadding(new Insets(8));
    box.setId("helpPane");
    Alert a = new Alert(Alert.AlertType.NONE, null, ButtonType.CLOSE);
    a.setTitle("WBSR Studio — Help");
    a.setHeaderText("Keyboard shortcuts");
    a.getDialogPane().setContent(box);
    a.initOwner(owner);
    a.show();
    return a;
  }
}

package dev.wbsr.ui.view;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * Key combinations from short specs ("Shortcut+S", "OPEN_BRACKET", "ESCAPE") and their names as a
 * person reads them. {@link KeyCombination#keyCombination} takes an unknown key name such as
 * "ESCAPE" for a typed character sequence, which never fires and shows as the raw name in the menu;
 * here every key is a {@link KeyCode}, so the menu shows "Esc" and "[" and the key works.
 */
final class Keys {

  private Keys() {}

  static KeyCombination of(String spec) {
    String[] parts = spec.split("\\+");
    List<KeyCombination.Modifier> mods = new ArrayList<>();
    for (int i = 0; i < parts.length - 1; i++) {
      mods.add(
          switch (parts[i]) {
            case "Shortcut" -> KeyCombination.SHORTCUT_DOWN;
            case "Shift" -> KeyCombination.SHIFT_DOWN;
            case "Ctrl" -> KeyCombination.CONTROL_DOWN;
            case "Alt" -> KeyCombination.ALT_DOWN;
            case "Meta" -> KeyCombination.META_DOWN;
            default -> throw new IllegalArgumentException("unknown modifier in " + spec);
          });
    }
    String key = parts[parts.length - 1];
    KeyCode code = KeyCode.getKeyCode(key);
    if (code == null) {
      code = KeyCode.valueOf(key);
    }
    return new KeyCodeCombination(code, mods.toArray(KeyCombination.Modifier[]::new));
  }

  /** "Ctrl+S" on Linux and Windows, "⌘S" on macOS; "[" rather than "OPEN_BRACKET". */
  static String display(String spec) {
    return of(spec).getDisplayText();
  }

  /** Several specs shown together ("W S A B"). */
  static String display(String... specs) {
    List<String> names = new ArrayList<>();
    for (String s : specs) {
      names.add(display(s));
    }
    return String.join("  ", names);
  }
}

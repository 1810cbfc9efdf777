package dev.wbsr.ui.view;

import java.awt.Taskbar;
import java.io.File;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.stage.Stage;

/**
 * Tells the user that a long job (a batch, the trade-off sweep, a big upscale) has ended while the
 * window was in the background: a desktop notification where the desktop offers one, the window
 * asks for attention (the taskbar's request, else it comes to the front), and the in-app notice
 * says it too, so the message is never only in a place the user may not look. Nothing happens when
 * the window has the focus: the user sees the result.
 */
public final class Attention {

  /** Jobs shorter than this end before the user has switched away; they get no notification. */
  static final double LONG_JOB_SECONDS = 5;

  /** Where a message can go. */
  interface Desktop {
    /** Shows a desktop notification; false when this desktop has none. */
    boolean notify(String title, String text);

    /** Asks for the window's attention (taskbar flash, or to the front). */
    void requestAttention();
  }

  private final BooleanSupplier focused;
  private final Desktop desktop;
  private final Consumer<String> inApp;

  Attention(BooleanSupplier focused, Desktop desktop, Consumer<String> inApp) {
    this.focused = focused;
    this.desktop = desktop;
    this.inApp = inApp;
  }

  /** For the app's window: the real desktop, the in-app notice given by {@code inApp}. */
  public static Attention forStage(Stage stage, Consumer<String> inApp) {
    return new Attention(stage::isFocused, new SystemDesktop(stage), inApp);
  }

  /**
   * The same, counting the app as in use while {@code alsoFocused} (a dialog of it has the focus).
   */
  public Attention orWhile(BooleanSupplier alsoFocused) {
    return new Attention(
        () -> focused.getAsBoolean() || alsoFocused.getAsBoolean(), desktop, inApp);
  }

  /**
   * Says that {@code what} ("Batch finished: 12 written") after {@code seconds}; true when the user
   * was told outside the window (it was unfocused and the job was long).
   */
  public boolean jobEnded(String what, double seconds) {
    if (focused.getAsBoolean() || seconds < LONG_JOB_SECONDS) {
      return false;
    }
    desktop.requestAttention();
    boolean shown = desktop.notify("WBSR Studio", what);
    inApp.accept(what);
    return shown;
  }

  /** notify-send (freedesktop) or the AWT taskbar, whichever this machine has. */
  private static final class SystemDesktop implements Desktop {
    private final Stage stage;

    SystemDesktop(Stage stage) {
      this.stage = stage;
    }

    @Override
    public boolean notify(String title, String text) {
      File notifySend = onPath("notify-send");
      if (notifySend == null) {
        return false;
      }
      try {
        // a separate short-lived process: the desktop's own notification, no tray icon of ours
        new ProcessBuilder(notifySend.getPath(), "--app-name=WBSR Studio", title, text)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
        return true;
      } catch (java.io.IOException e) {
        return false;
      }
    }

    @Override
    public void requestAttention() {
      try {
        if (Taskbar.isTaskbarSupported()
            && Taskbar.getTaskbar().isSupported(Taskbar.Feature.USER_ATTENTION)) {
          Taskbar.getTaskbar().requestUserAttention(true, false);
          return;
        }
      } catch (RuntimeException | Error e) {
        // headless AWT or no taskbar: fall back to the window itself
      }
      stage.toFront();
    }

    private static File onPath(String name) {
      String path = System.getenv("PATH");
      if (path == null) {
        return null;
      }
      for (String dir : path.split(File.pathSeparator)) {
        File f = new File(dir, name);
        if (f.canExecute()) {
          return f;
        }
      }
      return null;
    }
  }
}

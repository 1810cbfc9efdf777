package dev.wbsr.ui.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * Settings that persist between runs, in {@code java.util.prefs} (node {@code dev/wbsr/studio}, or
 * the one named by the system property {@code wbsr.prefs.node}, which tests use).
 */
public final class Settings {

  public static final int MAX_RECENT = 8;
  private final Preferences prefs;

  public Settings(Preferences prefs) {
    this.prefs = prefs;
  }

  public static Settings user() {
    String node = System.getProperty("wbsr.prefs.node", "dev/wbsr/studio");
    return new Settings(Preferences.userRoot().node(node));
  }

  public String get(String key, String def) {
    return prefs.get(key, def);
  }

  public void put(String key, String value) {
    if (value == null) {
      prefs.remove(key);
    } else {
      prefs.put(key, value);
    }
  }

  public double getDouble(String key, double def) {
    return prefs.getDouble(key, def);
  }

  public void putDouble(String key, double v) {
    prefs.putDouble(key, v);
  }

  public boolean getBoolean(String key, boolean def) {
    return prefs.getBoolean(key, def);
  }

  public void putBoolean(String key, boolean v) {
    prefs.putBoolean(key, v);
  }

  public <E extends Enum<E>> E getEnum(String key, E def) {
    try {
      return Enum.valueOf(def.getDeclaringClass(), prefs.get(key, def.name()));
    } catch (IllegalArgumentException e) {
      return def;
    }
  }

  public void putEnum(String key, Enum<?> v) {
    prefs.put(key, v.name());
  }

  public List<Path> recentFiles() {
    List<Path> out = new ArrayList<>();
    for (int i = 0; i < MAX_RECENT; i++) {
      String s = prefs.get("recent." + i, null);
      if (s != null) {
        out.add(Path.of(s));
      }
    }
    return out;
  }

  /** Puts {@code file} first, drops duplicates, keeps {@link #MAX_RECENT}. */
  public List<Path> addRecent(Path file) {
    List<Path> list = new ArrayList<>(recentFiles());
    Path abs = file.toAbsolutePath().normalize();
    list.removeIf(p -> p.toAbsolutePath().normalize().equals(abs));
    list.add(0, abs);
    while (list.size() > MAX_RECENT) {
      list.remove(list.size() - 1);
    }
    for (int i = 0; i < MAX_RECENT; i++) {
      put("recent." + i, i < list.size() ? list.get(i).toString() : null);
    }
    return list;
  }

  public void flush() {
    try {
      prefs.flush();
    } catch (BackingStoreException e) {
      // settings are a convenience: a read-only store must not break the app
    }
  }

  public void clear() {
    try {
      prefs.clear();
    } catch (BackingStoreException e) {
      // ignore, see flush
    }
  }
}

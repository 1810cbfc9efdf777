package dev.wbsr.cli;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;

/**
 * A system class loader ({@code -Djava.system.class.loader}) for {@link NetGuard}'s JVM that
 * defines every application class itself, so it sees the first DJL class load and can record
 * whether DJL's offline and opt-out flags were set at that moment (a system property, because this
 * class and the classes it defines do not share statics).
 */
public final class DjlWatch extends URLClassLoader {

  /** Set at the first {@code ai.djl.} class load: the flags then, and the class. */
  public static final String PROPERTY = "netguard.djl.first";

  static {
    ClassLoader.registerAsParallelCapable();
  }

  public DjlWatch(ClassLoader appLoader) {
    super(classPath(), appLoader.getParent());
  }

  private static URL[] classPath() {
    List<URL> urls = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      try {
        urls.add(new File(entry).toURI().toURL());
      } catch (MalformedURLException e) {
        throw new IllegalArgumentException(entry, e);
      }
    }
    return urls.toArray(URL[]::new);
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (name.startsWith("ai.djl.") && System.getProperty(PROPERTY) == null) {
      System.setProperty(
          PROPERTY,
          "ai.djl.offline="
              + System.getProperty("ai.djl.offline")
              + " OPT_OUT_TRACKING="
              + System.getProperty("OPT_OUT_TRACKING")
              + " first="
              + name);
    }
    return super.loadClass(name, resolve);
  }
}

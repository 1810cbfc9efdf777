import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Small jar helper for installer/build.sh, run with the JDK's source launcher
 * ({@code java installer/tools/JarTool.java ...}) so that the build needs no zip/unzip.
 *
 * <pre>
 * classes OUT_DIR RELEASE JAR...      flat class tree for jdeps: module-info dropped, multi-release
 *                                     versions up to RELEASE overlaid on the base classes
 * extract JAR REGEX OUT_DIR           copy entries whose name matches REGEX into OUT_DIR (file name only)
 * strip JAR REGEX OUT_JAR             copy JAR to OUT_JAR without the entries whose name matches REGEX
 * manifest JAR KEY                    print a main attribute of JAR's manifest (empty if absent)
 * </pre>
 */
public final class JarTool {
  private static final Pattern VERSIONED = Pattern.compile("META-INF/versions/(\\d+)/(.+)");

  public static void main(String[] args) throws IOException {
    if (args.length < 3) {
      usage();
    }
    switch (args[0]) {
      case "classes" -> {
        Path out = Path.of(args[1]);
        int release = Integer.parseInt(args[2]);
        for (int i = 3; i < args.length; i++) {
          classes(Path.of(args[i]), out, release);
        }
      }
      case "extract" -> {
        if (args.length != 4) usage();
        System.out.println(extract(Path.of(args[1]), Pattern.compile(args[2]), Path.of(args[3])));
      }
      case "strip" -> {
        if (args.length != 4) usage();
        System.out.println(strip(Path.of(args[1]), Pattern.compile(args[2]), Path.of(args[3])));
      }
      case "manifest" -> {
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(args[1])) {
          java.util.jar.Manifest mf = jar.getManifest();
          String value = mf == null ? null : mf.getMainAttributes().getValue(args[2]);
          System.out.println(value == null ? "" : value);
        }
      }
      default -> usage();
    }
  }

  private static void usage() {
    System.err.println("usage: JarTool classes OUT_DIR RELEASE JAR... | extract JAR REGEX OUT_DIR | strip JAR REGEX OUT_JAR | manifest JAR KEY");
    System.exit(2);
  }

  private static void classes(Path jar, Path out, int release) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      // Base classes first, then the versioned ones in ascending order, so the newest applicable wins.
      for (int pass = 8; pass <= release; pass++) {
        for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
          ZipEntry entry = e.nextElement();
          String name = entry.getName();
          if (entry.isDirectory() || !name.endsWith(".class") || name.endsWith("module-info.class")) {
            continue;
          }
          Matcher m = VERSIONED.matcher(name);
          int version = 8;
          if (m.matches()) {
            version = Integer.parseInt(m.group(1));
            name = m.group(2);
          } else if (name.startsWith("META-INF/")) {
            continue;
          }
          if (version != pass) {
            continue;
          }
          Path target = out.resolve(name);
          Files.createDirectories(target.getParent());
          try (InputStream in = zip.getInputStream(entry)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
    }
  }

  private static int extract(Path jar, Pattern regex, Path out) throws IOException {
    int n = 0;
    Files.createDirectories(out);
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
        ZipEntry entry = e.nextElement();
        if (entry.isDirectory() || !regex.matcher(entry.getName()).matches()) {
          continue;
        }
        String name = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
        try (InputStream in = zip.getInputStream(entry)) {
          Files.copy(in, out.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
        n++;
      }
    }
    return n;
  }

  private static int strip(Path jar, Pattern regex, Path outJar) throws IOException {
    int removed = 0;
    Path tmp = outJar.resolveSibling(outJar.getFileName() + ".tmp");
    try (ZipFile zip = new ZipFile(jar.toFile());
        OutputStream os = Files.newOutputStream(tmp);
        ZipOutputStream zos = new ZipOutputStream(os)) {
      for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
        ZipEntry entry = e.nextElement();
        if (regex.matcher(entry.getName()).matches()) {
          removed++;
          continue;
        }
        ZipEntry copy = new ZipEntry(entry.getName());
        copy.setTime(entry.getTime());
        zos.putNextEntry(copy);
        if (!entry.isDirectory()) {
          try (InputStream in = zip.getInputStream(entry)) {
            in.transferTo(zos);
          }
        }
        zos.closeEntry();
      }
    }
    Files.move(tmp, outJar, StandardCopyOption.REPLACE_EXISTING);
    return removed;
  }
}

package dev.wbsr.model;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A loaded, validated bundle: its folder and its manifest. Loading reads only {@code manifest.json}
 * and checks that every file it names exists; the ONNX files are opened by the engine.
 */
public record ModelBundle(Path dir, Manifest manifest) {

  public static final String MANIFEST = "manifest.json";

  /** Largest manifest read: exported ones are tens of kilobytes. */
  static final long MAX_MANIFEST_BYTES = 16L << 20;

  /** Loads the bundle in {@code dir}; throws {@link BundleException} saying what is wrong. */
  public static ModelBundle load(Path dir) {
    Path abs = dir.toAbsolutePath().normalize();
    if (!Files.isDirectory(abs)) {
      throw new BundleException("model bundle " + abs + ": no such folder");
    }
    Path file = abs.resolve(MANIFEST);
    if (!Files.isRegularFile(file)) {
      throw new BundleException(
          "model bundle " + abs + ": no " + MANIFEST + " (not a model bundle)");
    }
    Manifest manifest = ManifestReader.parse(readManifest(file), file.toString());
    ManifestLimits.check(manifest, file.toString());
    ModelBundle bundle = new ModelBundle(abs, manifest);
    for (SubnetSpec s : manifest.subnets()) {
      bundle.requireFile(s.file(), "subnet " + s.label());
    }
    manifest.classsr().ifPresent(c -> bundle.requireFile(c.classifierFile(), "classifier"));
    manifest.parity().ifPresent(p -> bundle.requireInsideIfPresent(p.file(), "parity"));
    return bundle;
  }

  private static String readManifest(Path file) {
    try {
      if (Files.size(file) > MAX_MANIFEST_BYTES) {
        throw new BundleException(
            file
                + ": "
                + (Files.size(file) >> 20)
                + " MB is far larger"
                + " than any manifest; the bundle is damaged or this is not a WBSR model bundle");
      }
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (CharacterCodingException e) {
      throw new BundleException(
          file
              + ": not a text file (its bytes are not UTF-8); the bundle"
              + " is damaged or this is not a WBSR model bundle",
          e);
    } catch (IOException e) {
      throw new BundleException(file + ": cannot be read (" + e.getMessage() + ")", e);
    }
  }

  public String name() {
    return manifest.name();
  }

  public Path subnetFile(int subnet) {
    return dir.resolve(manifest.subnets().get(subnet).file());
  }

  /** The parity reference file, when the manifest names one and it exists. */
  public Optional<Path> parityFile() {
    return manifest.parity().map(p -> dir.resolve(p.file())).filter(Files::isRegularFile);
  }

  /**
   * The one rule for every file a manifest names: a plain name whose real path (symbolic links
   * followed) is a regular file inside the bundle folder's real path. A manifest could otherwise
   * make the app read any file ({@code /etc/passwd}, {@code ../other/x.onnx}, a link out).
   */
  private void requireFile(String name, String what) {
    Path real = insideOrFail(name, what);
    if (real == null) {
      throw new BundleException(
          "model bundle " + dir + ": " + what + " file " + name + " is missing");
    }
  }

  private void requireInsideIfPresent(String name, String what) {
    insideOrFail(name, what);
  }

  /** The file's real path, null if it does not exist; throws if it is outside or not a file. */
  private Path insideOrFail(String name, String what) {
    if (name.isEmpty()
        || name.contains("/")
        || name.contains("\\")
        || name.startsWith(".")
        || name.indexOf('\0') >= 0) {
      throw new BundleException(
          "model bundle "
              + dir
              + ": "
              + what
              + " file '"
              + name
              + "' is not a plain file name inside the bundle; refusing to read it");
    }
    Path p = dir.resolve(name);
    if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
      return null;
    }
    Path real;
    Path realDir;
    try {
      real = p.toRealPath();
      realDir = dir.toRealPath();
    } catch (IOException e) {
      throw new BundleException(
          "model bundle "
              + dir
              + ": "
              + what
              + " file "
              + name
              + " cannot be resolved ("
              + e.getMessage()
              + "); a broken link?",
          e);
    }
    if (!real.startsWith(realDir) || real.equals(realDir)) {
      throw new BundleException(
          "model bundle "
              + dir
              + ": "
              + what
              + " file "
              + name
              + " is a link to "
              + real
              + ", outside the bundle; refusing to read it");
    }
    if (!Files.isRegularFile(real)) {
      throw new BundleException(
          "model bundle " + dir + ": " + what + " file " + name + " is not a regular file");
    }
    return real;
  }
}

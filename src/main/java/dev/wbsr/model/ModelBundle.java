package dev.wbsr.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A loaded, validated bundle: its folder and its manifest. Loading reads only {@code manifest.json}
 * and checks that every file it names exists; the ONNX files are opened by the engine.
 */
public record ModelBundle(Path dir, Manifest manifest) {

  public static final String MANIFEST = "manifest.json";

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
    String json;
    try {
      json = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new BundleException(file + ": cannot read (" + e.getMessage() + ")", e);
    }
    Manifest manifest = ManifestReader.parse(json, file.toString());
    ModelBundle bundle = new ModelBundle(abs, manifest);
    for (SubnetSpec s : manifest.subnets()) {
      bundle.requireFile(s.file(), "subnet " + s.label());
    }
    manifest.classsr().ifPresent(c -> bundle.requireFile(c.classifierFile(), "classifier"));
    return bundle;
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

  private void requireFile(String name, String what) {
    Path p = dir.resolve(name);
    if (!Files.isRegularFile(p)) {
      throw new BundleException(
          "model bundle " + dir + ": " + what + " file " + name + " is missing");
    }
  }
}

package dev.wbsr.about;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.wbsr.engine.TestBundles;
import dev.wbsr.model.BundleLocator;
import dev.wbsr.model.TrainingRun;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

class AboutInfoTest {
  @TempDir Path models;

  private void bundle(String name, String manifest) throws IOException {
    Path dir = Files.createDirectories(models.resolve(name));
    Files.writeString(dir.resolve("manifest.json"), manifest);
  }

  /**
   * A loadable bundle: the tiny x{@code scale} fixture's files, its manifest with the About fields
   * (and any provenance) replaced.
   */
  private void bundle(String name, int scale, String version, String license, String provenance)
      throws IOException {
    Path src = TestBundles.tiny(scale).dir();
    Path dir = Files.createDirectories(models.resolve(name));
    try (Stream<Path> files = Files.list(src)) {
      for (Path f : files.toList()) {
        Files.copy(f, dir.resolve(f.getFileName()));
      }
    }
    JsonObject m =
        JsonParser.parseString(Files.readString(dir.resolve("manifest.json"))).getAsJsonObject();
    m.addProperty("name", name);
    m.addProperty("version", version);
    m.addProperty("license", license);
    m.add("provenance", JsonParser.parseString(provenance));
    Files.writeString(dir.resolve("manifest.json"), m.toString());
  }

  @Test
  void readsVersionLicenceAndDataPackagesOfEachBundleSortedByName() throws IOException {
    bundle(
        "wbsr-x4",
        4,
        "1.2.0",
        "CC-BY-4.0",
        """
        {"data_packages": [{"name": "python3-skimage", "version": "0.19.3-8"}], "future_key": 1}""");
    bundle("wbsr-x2", 2, "1.0.0", "MIT", "{}");
    Files.createDirectories(models.resolve("not-a-bundle"));

    List<BundleLocator.Entry> bundles = AboutInfo.bundles(models);

    assertThat(bundles).extracting(BundleLocator.Entry::name).containsExactly("wbsr-x2", "wbsr-x4");
    BundleLocator.Entry x4 = bundles.get(1);
    assertThat(x4.bundle()).isPresent();
    assertThat(x4.bundle().get().manifest().version()).isEqualTo("1.2.0");
    assertThat(AboutInfo.dataPackages(x4))
        .containsExactly(new TrainingRun.DataPackage("python3-skimage", "0.19.3-8"));
    assertThat(AboutInfo.summary(x4)).isEqualTo("wbsr-x4 1.2.0 (x4, wbsr) licence CC-BY-4.0");
    assertThat(AboutInfo.dataPackages(bundles.get(0))).isEmpty();
  }

  @Test
  void aBrokenManifestIsListedWithAnErrorInsteadOfThrowing() throws IOException {
    bundle("broken", "{ not json");
    bundle(
        "no-subnets",
        """
        {"name": "no-subnets", "kind": "wbsr", "version": "1.0.0", "license": "MIT", "scale": 2}""");
    List<BundleLocator.Entry> bundles = AboutInfo.bundles(models);
    assertThat(bundles).hasSize(2);
    assertThat(AboutInfo.summary(bundles.get(0))).startsWith("broken: ").contains("not valid JSON");
    assertThat(AboutInfo.summary(bundles.get(1))).startsWith("no-subnets: ");
    assertThat(AboutInfo.dataPackages(bundles.get(0))).isEmpty();
  }

  @Test
  void aMissingModelsFolderMeansNoBundles() {
    assertThat(AboutInfo.bundles(models.resolve("nowhere"))).isEmpty();
    assertThat(AboutInfo.report(List.of())).contains("WBSR Studio").contains("Model bundles: none");
  }

  @Test
  void bundlesUnderTheInstallationHomeAreFound() throws IOException {
    bundle("home-only-bundle", 2, "0.3.0", "MIT", "{}");
    Files.move(models, models.resolveSibling(models.getFileName() + "-home"));
    Path home = models.resolveSibling(models.getFileName() + "-home");
    Files.createDirectories(home.resolve("models"));
    Files.move(home.resolve("home-only-bundle"), home.resolve("models/home-only-bundle"));
    String old = System.getProperty(AboutInfo.HOME_PROPERTY);
    try {
      System.setProperty(AboutInfo.HOME_PROPERTY, home.toString());
      assertThat(AboutInfo.home()).contains(home);
      assertThat(AboutInfo.modelRoots())
          .contains(home.resolve("models").toAbsolutePath().normalize());
      assertThat(AboutInfo.bundles())
          .extracting(BundleLocator.Entry::name)
          .contains("home-only-bundle");
      assertThat(AboutInfo.report()).contains("home-only-bundle 0.3.0 (x2, wbsr) licence MIT");
    } finally {
      if (old == null) {
        System.clearProperty(AboutInfo.HOME_PROPERTY);
      } else {
        System.setProperty(AboutInfo.HOME_PROPERTY, old);
      }
    }
  }

  @Test
  void versionIsThePomsEvenOutsideTheJar() throws Exception {
    // surefire runs target/classes, which has no jar manifest: the filtered resource must answer
    Element project =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(Path.of("pom.xml").toFile())
            .getDocumentElement();
    String pomVersion =
        ((Element) project.getElementsByTagName("version").item(0)).getTextContent();
    assertThat(project.getElementsByTagName("version").item(0).getParentNode()).isEqualTo(project);
    assertThat(AboutInfo.version()).isEqualTo(pomVersion.strip());
  }

  @Test
  void noticesComeFromTheResourceElseTheFirstFileFoundElseAClearNote(@TempDir Path dir)
      throws IOException {
    Path legal = Files.writeString(dir.resolve("legal.md"), "# installed copy");
    Path checkout = Files.writeString(dir.resolve("checkout.md"), "# checkout copy");
    Path missing = dir.resolve("missing.md");
    InputStream bundled =
        new ByteArrayInputStream("# bundled copy".getBytes(StandardCharsets.UTF_8));

    assertThat(AboutInfo.thirdPartyNotices(bundled, List.of(legal, checkout)))
        .isEqualTo("# bundled copy");
    assertThat(AboutInfo.thirdPartyNotices(null, List.of(missing, legal, checkout)))
        .isEqualTo("# installed copy");
    assertThat(AboutInfo.thirdPartyNotices(null, List.of(missing, checkout)))
        .isEqualTo("# checkout copy");
    assertThat(AboutInfo.thirdPartyNotices(null, List.of(missing)))
        .isEqualTo(AboutInfo.NOTICES_MISSING)
        .contains("no copy of THIRD-PARTY.md")
        .contains("installer/third_party.py");
  }

  @Test
  void versionRuntimeAndThirdPartyNoticesAreAvailable() {
    assertThat(AboutInfo.version()).isNotBlank();
    assertThat(AboutInfo.runtime()).startsWith("Java ");
    // THIRD-PARTY.md is copied into the jar's resources by the build (pom.xml <resources>).
    assertThat(AboutInfo.thirdPartyNotices()).contains("ONNX Runtime").contains("JavaFX");
  }

  @Test
  void picocliVersionProviderPrintsTheReport() throws Exception {
    String[] lines = new AboutInfo.VersionProvider().getVersion();
    assertThat(lines[0]).startsWith("WBSR Studio ");
  }
}

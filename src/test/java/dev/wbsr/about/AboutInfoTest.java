package dev.wbsr.about;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

  @Test
  void readsVersionLicenceAndDataPackagesOfEachBundleSortedByName() throws IOException {
    bundle("wbsr-x4", """
        {"format": "wbsr-bundle", "format_version": 1, "name": "wbsr-x4", "kind": "wbsr",
         "title": "WBSR x4", "version": "1.2.0", "license": "CC-BY-4.0", "scale": 4,
         "provenance": {"data_packages": [{"name": "python3-skimage", "version": "0.19.3-8"}],
                        "future_key": 1}}""");
    bundle("wbsr-x2", """
        {"name": "wbsr-x2", "kind": "wbsr", "title": "WBSR x2", "version": "1.0.0",
         "license": "MIT", "scale": 2, "unknown": {"ignored": true}}""");
    Files.createDirectories(models.resolve("not-a-bundle"));

    List<AboutInfo.BundleInfo> bundles = AboutInfo.bundles(models);

    assertThat(bundles).extracting(AboutInfo.BundleInfo::name).containsExactly("wbsr-x2", "wbsr-x4");
    AboutInfo.BundleInfo x4 = bundles.get(1);
    assertThat(x4.version()).isEqualTo("1.2.0");
    assertThat(x4.license()).isEqualTo("CC-BY-4.0");
    assertThat(x4.scale()).isEqualTo(4);
    assertThat(x4.error()).isNull();
    assertThat(x4.dataPackages()).containsExactly(new AboutInfo.BundleInfo.DataPackage("python3-skimage", "0.19.3-8"));
    assertThat(x4.summary()).isEqualTo("wbsr-x4 1.2.0 (x4, wbsr) licence CC-BY-4.0");
    assertThat(bundles.get(0).dataPackages()).isEmpty();
  }

  @Test
  void aBrokenManifestIsListedWithAnErrorInsteadOfThrowing() throws IOException {
    bundle("broken", "{ not json");
    List<AboutInfo.BundleInfo> bundles = AboutInfo.bundles(models);
    assertThat(bundles).hasSize(1);
    assertThat(bundles.get(0).error()).startsWith("unreadable manifest.json");
    assertThat(bundles.get(0).summary()).startsWith("broken: unreadable");
  }

  @Test
  void aMissingModelsFolderMeansNoBundles() {
    assertThat(AboutInfo.bundles(models.resolve("nowhere"))).isEmpty();
    assertThat(AboutInfo.report(List.of())).contains("WBSR Studio").contains("Model bundles: none");
  }

  @Test
  void bundlesUnderTheInstallationHomeAreFound() throws IOException {
    bundle("home-only-bundle", """
        {"name": "home-only-bundle", "version": "0.3.0", "license": "MIT", "scale": 2, "kind": "wbsr"}""");
    Files.move(models, models.resolveSibling(models.getFileName() + "-home"));
    Path home = models.resolveSibling(models.getFileName() + "-home");
    Files.createDirectories(home.resolve("models"));
    Files.move(home.resolve("home-only-bundle"), home.resolve("models/home-only-bundle"));
    String old = System.getProperty(AboutInfo.HOME_PROPERTY);
    try {
      System.setProperty(AboutInfo.HOME_PROPERTY, home.toString());
      assertThat(AboutInfo.home()).contains(home);
      assertThat(AboutInfo.modelRoots()).contains(home.resolve("models").toAbsolutePath().normalize());
      assertThat(AboutInfo.bundles()).extracting(AboutInfo.BundleInfo::name).contains("home-only-bundle");
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
    Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(Path.of("pom.xml").toFile()).getDocumentElement();
    String pomVersion = ((Element) project.getElementsByTagName("version").item(0)).getTextContent();
    assertThat(project.getElementsByTagName("version").item(0).getParentNode()).isEqualTo(project);
    assertThat(AboutInfo.version()).isEqualTo(pomVersion.strip());
  }

  @Test
  void noticesComeFromTheResourceElseTheFirstFileFoundElseAClearNote(@TempDir Path dir) throws IOException {
    Path legal = Files.writeString(dir.resolve("legal.md"), "# installed copy");
    Path checkout = Files.writeString(dir.resolve("checkout.md"), "# checkout copy");
    Path missing = dir.resolve("missing.md");
    InputStream bundled = new ByteArrayInputStream("# bundled copy".getBytes(StandardCharsets.UTF_8));

    assertThat(AboutInfo.thirdPartyNotices(bundled, List.of(legal, checkout))).isEqualTo("# bundled copy");
    assertThat(AboutInfo.thirdPartyNotices(null, List.of(missing, legal, checkout))).isEqualTo("# installed copy");
    assertThat(AboutInfo.thirdPartyNotices(null, List.of(missing, checkout))).isEqualTo("# checkout copy");
    assertThat(AboutInfo.thirdPartyNotices(null, List.of(missing)))
        .isEqualTo(AboutInfo.NOTICES_MISSING)
        .contains("no copy of THIRD-PARTY.md").contains("installer/third_party.py");
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

package dev.wbsr.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The typed provenance and validation numbers of a manifest, read once by the model package. */
class ManifestNumbersTest {

  @Test
  void aShippedClassSrBundleHasItsTrainingAndValidationNumbersTyped() {
    Manifest m = ModelBundle.load(Path.of("models/classsr-x4")).manifest();
    TrainingRun run = m.trainingRun();
    assertThat(run.iterations()).hasValue(3000);
    assertThat(run.wallTimeSeconds()).isPresent();
    assertThat(run.dataPackages()).isNotEmpty().allSatisfy(p -> assertThat(p.name()).isNotBlank());
    ValidationScores classic = m.validationScores().get("val-classic");
    assertThat(classic.routedMode()).isEqualTo("classsr");
    assertThat(classic.routedFlopsRatio()).hasValue(0.8595);
    assertThat(classic.images()).isEqualTo(5);
    assertThat(classic.supernetPsnrY()).isPresent();
  }

  @Test
  void missingOrMistypedNumbersAreEmptyNotZero() {
    String json =
        """
        {"format": "wbsr-bundle", "format_version": 1, "name": "t", "kind": "wbsr", "scale": 2,
         "patch_size": 32, "receptive_field": 4,
         "input": {"name": "lr"}, "output": {"name": "sr"},
         "complexity": {"score": "sobel-gradient-sum-v1", "num_classes": 1, "thresholds": []},
         "subnets": [{"id": 0, "file": "a.onnx", "flops_per_patch": 1.0}], "supernet": 0,
         "provenance": {"iterations": "many", "data_packages": [{"name": "p"}]},
         "validation": {"val-photo": {"images": 3, "wbsr_flops_ratio": 0.5}, "odd": 1}}""";
    Manifest m = ManifestReader.parse(json, "test");
    assertThat(m.trainingRun().iterations()).isEmpty();
    assertThat(m.trainingRun().wallTimeSeconds()).isEmpty();
    assertThat(m.trainingRun().dataPackages())
        .containsExactly(new TrainingRun.DataPackage("p", "?"));
    assertThat(m.validationScores()).containsOnlyKeys("val-photo");
    ValidationScores v = m.validationScores().get("val-photo");
    assertThat(v.routedFlopsRatio()).hasValue(0.5);
    assertThat(v.supernetPsnrY()).isEmpty();
  }
}

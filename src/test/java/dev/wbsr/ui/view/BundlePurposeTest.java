package dev.wbsr.ui.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wbsr.model.ModelBundle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What each shipped bundle says it is for, read from its manifest. */
class BundlePurposeTest {

  private static BundlePurpose of(String name) {
    Path dir = Path.of("models", name);
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(dir), name + " not in models/");
    return BundlePurpose.of(ModelBundle.load(dir).manifest());
  }

  @Test
  void theFullRecipeIsRecommendedForPhotos() {
    for (String n : new String[] {"wbsr-x2", "wbsr-x4"}) {
      BundlePurpose p = of(n);
      assertThat(p.forPhotos()).as(n).isTrue();
      assertThat(p.summary()).as(n).isEqualTo("Recommended for photos");
    }
  }

  @Test
  void ablationsAndClassSrAreResearch() {
    assertThat(of("base-x2").summary()).isEqualTo("Research: baseline");
    assertThat(of("hes-x2").summary()).isEqualTo("Research: sampling ablation");
    assertThat(of("bd-x2").summary()).isEqualTo("Research: loss ablation");
    assertThat(of("classsr-x2").summary()).isEqualTo("Research: ClassSR baseline");
    for (String n : new String[] {"base-x2", "hes-x2", "bd-x2", "classsr-x2", "classsr-x4"}) {
      assertThat(of(n).forPhotos()).as(n).isFalse();
    }
  }

  @Test
  void aBundleThatSaysNothingOfItsTrainingIsStillOffered() {
    assertThat(BundlePurpose.ofRecipe(Map.of()).forPhotos()).isTrue();
    assertThat(BundlePurpose.ofRecipe(Map.of("sampling", "hes", "loss", "bdloss+l1")).summary())
        .startsWith("Recommended");
  }
}

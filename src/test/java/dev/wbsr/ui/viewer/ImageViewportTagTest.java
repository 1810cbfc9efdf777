package dev.wbsr.ui.viewer;

import static dev.wbsr.ui.FxTestSupport.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.wbsr.ui.FxTestSupport;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ImageViewportTagTest {

  @BeforeAll
  static void toolkit() throws Exception {
    FxTestSupport.initToolkit();
  }

  @Test
  void aNewLabelResizesItsTagAndKeepsTheRightOneAnchored() {
    onFx(
        () -> {
          ImageViewport v = new ImageViewport();
          StackPane root = new StackPane(v);
          new Scene(root, 600, 400);
          v.splitVisibleProperty().set(true);
          v.leftLabelProperty().set("WBSR");
          v.rightLabelProperty().set("Supernet (wbsr-x4, paper rule)");
          root.applyCss();
          root.layout();
          Label left = (Label) v.lookup(".left-tag");
          Label right = (Label) v.lookup(".right-tag");
          double wide = right.getWidth();
          assertThat(right.getLayoutX() + wide).isCloseTo(600 - 8, within(0.5));
          // the compare choice changes: the tag shrinks to the new text and stays at the right edge
          v.rightLabelProperty().set("Bicubic");
          v.leftLabelProperty().set("WBSR, budget 50 % (wbsr-x4)");
          root.applyCss();
          root.layout();
          assertThat(right.getWidth()).isLessThan(wide).isCloseTo(right.prefWidth(-1), within(0.5));
          assertThat(right.getLayoutX() + right.getWidth()).isCloseTo(600 - 8, within(0.5));
          assertThat(left.getWidth()).isCloseTo(left.prefWidth(-1), within(0.5));
          return null;
        });
  }
}

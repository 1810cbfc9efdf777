package dev.wbsr.ui.batch;

import dev.wbsr.model.ModelBundle;
import dev.wbsr.pipeline.Budget;
import dev.wbsr.ui.model.Bundles;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The batch's budget row: one monotone scale from the bundle's reachable floor to the supernet, and
 * the paper rule as a choice of its own (not the slider's left end), as in the main window.
 */
final class BatchBudget extends HBox {

  private final Slider slider = new Slider(0, 1, 1);
  private final CheckBox paperRule = new CheckBox("Paper rule");

  BatchBudget(Budget initial, ModelBundle bundle) {
    super(8);
    slider.setId("batchBudget");
    paperRule.setId("batchPaperRule");
    paperRule.setSelected(initial instanceof Budget.PaperRule);
    range(bundle);
    if (initial instanceof Budget.Fraction f) {
      slider.setValue(Math.max(slider.getMin(), f.value()));
    }
    slider.disableProperty().bind(paperRule.selectedProperty());
    Label label = new Label();
    label
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    paperRule.isSelected()
                        ? "paper rule"
                        : String.format(Locale.ROOT, "%.0f %%", slider.getValue() * 100),
                slider.valueProperty(),
                paperRule.selectedProperty()));
    getChildren().addAll(paperRule, slider, label);
    HBox.setHgrow(slider, Priority.ALWAYS);
  }

  /** The slider's range for a bundle: its reachable floor to the supernet. */
  void range(ModelBundle b) {
    double floor = b == null ? 0.01 : Math.max(0.01, Bundles.budgetFloor(b));
    slider.setMin(floor);
    slider.setValue(Math.max(floor, slider.getValue()));
  }

  Budget budget() {
    return paperRule.isSelected() ? Budget.DEFAULT : new Budget.Fraction(slider.getValue());
  }
}

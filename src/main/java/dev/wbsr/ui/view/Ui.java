package dev.wbsr.ui.view;

import atlantafx.base.theme.Styles;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.Property;
import javafx.beans.property.ReadOnlyProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.beans.value.WeakChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.kordamp.ikonli.javafx.FontIcon;

/** Small builders shared by the panes. */
final class Ui {

  private Ui() {}

  static FontIcon icon(String code) {
    FontIcon i = new FontIcon(code);
    i.getStyleClass().add("ui-icon");
    return i;
  }

  static Button button(String id, String text, String icon, String tip, Runnable action) {
    Button b = new Button(text, icon == null ? null : icon(icon));
    b.setId(id);
    if (tip != null) {
      b.setTooltip(new Tooltip(tip));
    }
    b.setOnAction(e -> action.run());
    return b;
  }

  static Button iconButton(String id, String icon, String tip, Runnable action) {
    Button b = button(id, null, icon, tip, action);
    b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
    return b;
  }

  static Label heading(String text) {
    Label l = new Label(text);
    l.getStyleClass().addAll("section-title", Styles.TEXT_CAPTION);
    return l;
  }

  /**
   * A segmented row of toggle buttons that shows a view-model's enum property and changes it
   * through {@code set}; a selected button cannot be deselected by clicking it again.
   */
  static <E extends Enum<E>> HBox segmented(
      ReadOnlyProperty<E> prop,
      Consumer<E> set,
      E[] values,
      Function<E, String> id,
      Function<E, String> text) {
    ToggleGroup g = new ToggleGroup();
    Map<E, ToggleButton> map = new LinkedHashMap<>();
    HBox box = new HBox();
    box.getStyleClass().add("segmented");
    for (int i = 0; i < values.length; i++) {
      E v = values[i];
      ToggleButton b = new ToggleButton(text.apply(v));
      b.setId(id.apply(v));
      b.setUserData(v);
      b.setToggleGroup(g);
      b.setMaxWidth(Double.MAX_VALUE);
      HBox.setHgrow(b, Priority.ALWAYS);
      b.getStyleClass()
          .add(
              values.length == 1
                  ? ""
                  : i == 0
                      ? Styles.LEFT_PILL
                      : i == values.length - 1 ? Styles.RIGHT_PILL : Styles.CENTER_PILL);
      map.put(v, b);
      box.getChildren().add(b);
    }
    g.selectedToggleProperty()
        .addListener(
            (o, was, now) -> {
              if (now == null) {
                if (was != null) {
                  g.selectToggle(was);
                }
                return;
              }
              @SuppressWarnings("unchecked")
              E v = (E) now.getUserData();
              if (prop.getValue() != v) {
                set.accept(v);
              }
            });
    prop.addListener((o, was, now) -> select(g, map.get(now)));
    select(g, map.get(prop.getValue()));
    return box;
  }

  private static void select(ToggleGroup g, Toggle t) {
    if (t != null && g.getSelectedToggle() != t) {
      g.selectToggle(t);
    }
  }

  /**
   * Keeps a control's value and a view-model's read-only property in step, the control writing
   * through the view-model's setter: what {@code bindBidirectional} did, without a writable
   * property outward. Like a bidirectional binding, the view-model holds the link weakly, so a
   * closed pane is not kept alive by the model.
   */
  static <T> void link(Property<T> control, ReadOnlyProperty<T> state, Consumer<T> set) {
    ChangeListener<T> link =
        new ChangeListener<>() {
          @Override
          public void changed(ObservableValue<? extends T> o, T was, T now) {
            if (o == state) {
              control.setValue(now);
            } else if (!Objects.equals(now, state.getValue())) {
              set.accept(now);
            }
          }
        };
    control.setValue(state.getValue());
    control.addListener(link);
    state.addListener(new WeakChangeListener<>(link));
  }

  static Node grow(Node n) {
    HBox.setHgrow(n, Priority.ALWAYS);
    return n;
  }
}

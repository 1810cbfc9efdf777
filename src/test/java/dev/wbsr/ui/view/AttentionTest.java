package dev.wbsr.ui.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttentionTest {

  final List<String> desktop = new ArrayList<>();
  final List<String> inApp = new ArrayList<>();
  int attention;
  boolean focused;
  boolean canNotify = true;

  Attention attention() {
    return new Attention(
        () -> focused,
        new Attention.Desktop() {
          @Override
          public boolean notify(String title, String text) {
            if (canNotify) {
              desktop.add(text);
            }
            return canNotify;
          }

          @Override
          public void requestAttention() {
            attention++;
          }
        },
        inApp::add);
  }

  @Test
  void aLongJobEndingInTheBackgroundIsAnnouncedEverywhere() {
    assertThat(attention().jobEnded("Batch finished: 12 written", 40)).isTrue();
    assertThat(desktop).containsExactly("Batch finished: 12 written");
    assertThat(inApp).containsExactly("Batch finished: 12 written");
    assertThat(attention).isEqualTo(1);
  }

  @Test
  void withoutDesktopNotificationsTheWindowAndTheBannerStillSaySo() {
    canNotify = false;
    assertThat(attention().jobEnded("done", 40)).isFalse();
    assertThat(inApp).containsExactly("done");
    assertThat(attention).isEqualTo(1);
  }

  @Test
  void nothingWhenTheUserIsLookingOrTheJobWasShort() {
    focused = true;
    attention().jobEnded("done", 40);
    focused = false;
    attention().jobEnded("done", 1);
    assertThat(desktop).isEmpty();
    assertThat(inApp).isEmpty();
    assertThat(attention).isZero();
  }

  @Test
  void aFocusedDialogOfTheAppCountsAsLooking() {
    attention().orWhile(() -> true).jobEnded("done", 40);
    assertThat(inApp).isEmpty();
  }
}

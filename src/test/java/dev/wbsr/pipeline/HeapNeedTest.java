package dev.wbsr.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeapNeedTest {

  private static final long GB = 1L << 30;
  private static final long MB = 1L << 20;

  @Test
  void countsThePhotoItsResultAndTheApp() {
    HeapNeed x2 = HeapNeed.forApp(4000, 3000, 2, false);
    // 12 MP: 36 MB decoded + 144 MB result (8000 x 6000 RGB) + the app
    assertThat(x2.bytes()).isEqualTo(HeapNeed.APP_BYTES + 36_000_000L + 144_000_000L);
    HeapNeed x4 = HeapNeed.forApp(4000, 3000, 4, false);
    assertThat(x4.bytes() - HeapNeed.APP_BYTES).isEqualTo(36_000_000L + 576_000_000L);
    // Evaluate mode: the photo, its ground-truth crop and the downscaled input; the result is
    // photo-sized
    HeapNeed eval = HeapNeed.forApp(4000, 3000, 2, true);
    assertThat(eval.bytes() - HeapNeed.APP_BYTES).isEqualTo(3 * 36_000_000L + 9_000_000L);
  }

  @Test
  void aTwelveMegapixelPhotoFitsInTwoGigabytesAndA160MegapixelOneDoesNot() {
    assertThat(HeapNeed.forApp(4000, 3000, 2, false).fitsIn(2 * GB)).isTrue();
    assertThat(HeapNeed.forApp(4000, 3000, 4, false).fitsIn(2 * GB)).isTrue();
    assertThat(HeapNeed.forApp(16000, 10000, 2, false).fitsIn(2 * GB)).isFalse();
    assertThat(HeapNeed.forApp(16000, 10000, 2, false).fitsIn(3 * GB)).isTrue();
  }

  @Test
  void theRefusalSaysHowBigWhatItNeedsAndWhatToDo() {
    HeapNeed big = HeapNeed.forApp(16000, 10000, 2, false);
    String m = big.refusal("big.png", 2 * GB);
    assertThat(m)
        .contains("big.png")
        .contains("×2")
        .contains("16000 × 10000 pixels (160 megapixels)")
        .contains("about 2.3 GB") // 64 MB + 480 MB + 1920 MB
        .contains("may use 1.8 GB")
        .contains("-Xmx3g");
    long suggested = 3 * GB;
    assertThat(big.fitsIn(suggested)).as("the suggested limit is enough").isTrue();
  }

  @Test
  void theCacheGetsWhatIsLeftAfterOneMoreVariant() {
    HeapNeed small = HeapNeed.forApp(1000, 1000, 2, false);
    assertThat(small.cacheRoom(2 * GB, 512 * MB)).isEqualTo(512 * MB);
    HeapNeed big = HeapNeed.forApp(10000, 8000, 2, false); // 1.2 GB + 960 MB for one more
    assertThat(big.fitsIn(2 * GB)).isTrue();
    assertThat(big.cacheRoom(2 * GB, 512 * MB)).isZero();
    HeapNeed mid = HeapNeed.forApp(6000, 4000, 2, false); // 24 MP: 64 + 360 MB, 288 MB more
    assertThat(mid.cacheRoom(2 * GB, 512 * MB)).isEqualTo(512 * MB);
    assertThat(mid.cacheRoom(GB, 512 * MB))
        .isEqualTo(HeapNeed.usable(GB) - mid.bytes() - 288_000_000L);
  }
}

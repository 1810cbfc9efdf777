package dev.wbsr.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SizeGroupsTest {

  private static InputFile file(String name, long bytes) {
    return new InputFile("/in/" + name, bytes, "/out/" + name);
  }

  @Test
  void largeFilesAreSpreadOverTheGroupsAndBytesBalance() {
    List<InputFile> files = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      files.add(file("big" + i, 40_000_000));
    }
    for (int i = 0; i < 40; i++) {
      files.add(file("small" + i, 1_000_000));
    }
    List<List<InputFile>> groups = SizeGroups.of(files, 4);
    assertThat(groups).hasSize(4);
    for (List<InputFile> g : groups) {
      assertThat(g.stream().filter(f -> f.input().contains("big"))).hasSize(1);
      assertThat(g.stream().mapToLong(InputFile::bytes).sum()).isEqualTo(50_000_000);
    }
    assertThat(groups.stream().mapToInt(List::size).sum()).isEqualTo(44);
  }

  @Test
  void countIsTwiceTheCoresOrMoreForBigInputsAndNeverMoreThanTheFiles() {
    List<InputFile> few = List.of(file("a", 10), file("b", 10), file("c", 10));
    assertThat(SizeGroups.count(few, 0, 8)).isEqualTo(3);
    List<InputFile> many = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      many.add(file("f" + i, 100L << 20)); // 10 000 MiB in all: 40 groups of 256 MiB
    }
    assertThat(SizeGroups.count(many, 0, 4)).isEqualTo(40);
    assertThat(SizeGroups.count(many, 0, 32)).isEqualTo(64);
    assertThat(SizeGroups.count(many, 7, 32)).isEqualTo(7);
    assertThat(SizeGroups.count(List.of(), 0, 4)).isZero();
  }

  @Test
  void hiddenAndPrivateNamesAreNotListed() {
    assertThat(Listing.skipped("a/b/c.png")).isFalse();
    assertThat(Listing.skipped("_wbsr_results/x.png")).isTrue();
    assertThat(Listing.skipped("a/.hidden.png")).isTrue();
  }
}

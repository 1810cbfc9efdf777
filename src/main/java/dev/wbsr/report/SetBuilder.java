package dev.wbsr.report;

import dev.wbsr.model.Manifest;
import dev.wbsr.pipeline.PatchAnalysis;
import dev.wbsr.pipeline.PatchGrid;
import dev.wbsr.report.ReportData.ArmChoice;
import dev.wbsr.report.ReportData.BundleStatus;
import dev.wbsr.report.ReportData.ClassStats;
import dev.wbsr.report.ReportData.Run;
import dev.wbsr.report.ReportData.SetData;
import dev.wbsr.report.ReportData.Sweep;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What has been measured on one set so far. */
final class SetBuilder {
  final String set;
  final List<Evaluation.Sample> samples;
  final List<Run> runs = new ArrayList<>();
  final List<Sweep> sweeps = new ArrayList<>();
  final List<ReportData.External> externals = new ArrayList<>();
  Optional<ArmChoice> arm = Optional.empty();

  SetBuilder(String set, List<Evaluation.Sample> samples) {
    this.set = set;
    this.samples = samples;
  }

  void add(Run r) {
    runs.add(r);
  }

  Optional<Run> run(Role role, String mode) {
    return runs.stream().filter(r -> r.role() == role && r.mode().equals(mode)).findFirst();
  }

  void drop(Role role) {
    runs.removeIf(r -> r.role() == role);
    sweeps.removeIf(s -> s.role() == role);
    if (role == Role.BASE) {
      arm = Optional.empty();
    }
  }

  SetData build(Optional<BundleStatus> classesFrom) {
    Optional<ClassStats> classes =
        classesFrom.map(b -> classStats(b.name(), b.bundle().orElseThrow().manifest()));
    int patches = 0;
    long pixels = 0;
    for (Evaluation.Sample s : samples) {
      patches += new PatchGrid(s.lr().width(), s.lr().height(), ReportRunner.PATCH).size();
      pixels += s.hr().pixelCount();
    }
    return new SetData(
        set,
        samples.stream().map(Evaluation.Sample::name).toList(),
        patches,
        pixels,
        runs,
        sweeps,
        arm,
        classes,
        externals);
  }

  /** Classes by {@code m}'s thresholds, and each run's pooled PSNR-Y per class. */
  private ClassStats classStats(String name, Manifest m) {
    int k = m.numClasses();
    int[] counts = new int[k];
    List<int[]> classMaps = new ArrayList<>();
    for (Evaluation.Sample s : samples) {
      PatchAnalysis a = PatchAnalysis.of(s.lr(), m);
      int[] map = a.classMap();
      classMaps.add(map);
      for (int c : map) {
        counts[c - 1]++;
      }
    }
    Map<String, double[]> psnr = new LinkedHashMap<>();
    for (Run r : runs) {
      double[] sse = new double[k];
      long[] px = new long[k];
      for (int i = 0; i < samples.size(); i++) {
        PatchErrors e = r.errors().get(i);
        double[] es = e.sse();
        long[] ep = e.pixels();
        int[] map = classMaps.get(i);
        for (int p = 0; p < map.length; p++) {
          sse[map[p] - 1] += es[p];
          px[map[p] - 1] += ep[p];
        }
      }
      double[] v = new double[k];
      for (int c = 0; c < k; c++) {
        v[c] = PatchErrors.psnr(sse[c], px[c]);
      }
      psnr.put(ReportRunner.key(r.role(), r.mode()), v);
    }
    return new ClassStats(name, counts, psnr);
  }
}

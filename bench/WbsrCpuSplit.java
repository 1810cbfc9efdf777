import dev.wbsr.engine.*;
import dev.wbsr.image.*;
import dev.wbsr.model.*;
import dev.wbsr.pipeline.*;
import java.lang.management.*;
import java.nio.file.*;
import java.security.MessageDigest;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue 17: where the CPU of the wbsr mode goes on one image (bench/wbsr-cpu-split.sh runs it).
 * Per configuration ("all:8" = ONNX Runtime ALL_OPT sessions, tiles of at most 8 patches a side;
 * "ext:8" = EXTENDED_OPT), interleaved over the rounds so a drifting load hits all alike: process
 * CPU of scoring (session creation), planning and rendering; inside rendering, the thread CPU spent
 * in SrEngine.run (ONNX Runtime and DJL's copies in and out) per subnet, and the rest (building
 * input tiles, 8-bit conversion, stitching, queueing, JIT, GC); CPU per JVM thread group from
 * /proc (JIT, GC); and an MD5 of the output, to show which configurations are bit-identical.
 * CPU time, not wall time: the machine is shared. Args: BUNDLE IMAGE ROUNDS CONFIGS [RAW_OUT_PREFIX].
 */
public class WbsrCpuSplit {
  static final ThreadMXBean TM = ManagementFactory.getThreadMXBean();
  static long pcpu() { return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime(); }

  static final class Timed implements SrEngine {
    final SrEngine d; final AtomicLong cpu = new AtomicLong(), calls = new AtomicLong(), pre = new AtomicLong();
    final java.util.concurrent.atomic.AtomicLongArray sc = new java.util.concurrent.atomic.AtomicLongArray(8), sn = new java.util.concurrent.atomic.AtomicLongArray(8), spx = new java.util.concurrent.atomic.AtomicLongArray(8);
    Timed(SrEngine d) { this.d = d; }
    public int scale() { return d.scale(); }
    public int subnetCount() { return d.subnetCount(); }
    public String device() { return d.device(); }
    public Nchw run(int s, Nchw in) {
      long c0 = TM.getCurrentThreadCpuTime();
      try { return d.run(s, in); } finally { long dc = TM.getCurrentThreadCpuTime() - c0; cpu.addAndGet(dc); calls.incrementAndGet(); sc.addAndGet(s, dc); sn.addAndGet(s, 1); spx.addAndGet(s, (long) in.n() * in.h() * in.w()); }
    }
    public void close() { d.close(); }
  }

  public static void main(String[] a) throws Exception {
    System.setProperty("ai.djl.offline", "true");
    ModelBundle b = ModelBundle.load(Path.of(a[0]));
    RgbImage lr = new ImageLoader().load(Path.of(a[1])).rgb();
    int rounds = Integer.parseInt(a[2]);
    String[] cfgs = a[3].split(",");
    PipelineOptions base = PipelineOptions.batch().withWorkers(2);
    OnnxEngine all = OnnxEngine.open(b, new EngineOptions(DeviceChoice.CPU, 1, 2));
    all.loadAll();
    System.setProperty("wbsr.ort.optLevel", "EXTENDED_OPT");
    OnnxEngine ext = OnnxEngine.open(b, new EngineOptions(DeviceChoice.CPU, 1, 2));
    ext.loadAll();
    System.clearProperty("wbsr.ort.optLevel");
    RgbImage warm = new RgbImage(512, 512, java.util.Arrays.copyOf(lr.rgb(), 512 * 512 * 3));
    for (int r = 0; r <= rounds; r++) {
      for (String cfg : cfgs) {
        String[] kv = cfg.split(":");
        int side = Integer.parseInt(kv[1]);
        Timed eng = new Timed(kv[0].equals("ext") ? ext : all);
        PipelineOptions opt = base.withMaxTileSide(side);
        RgbImage in = r == 0 ? warm : lr;
        System.gc();
        var th0 = tasks();
        long p0 = pcpu(), t0 = System.nanoTime();
        UpscaleSession s = UpscaleSession.create(in, b.manifest(), eng, opt);
        long p1 = pcpu();
        Assignment as = s.plan(RoutingPolicy.Wbsr.paper());
        long p2 = pcpu();
        RenderStats st = s.render(as, RenderListener.NONE).await();
        long p3 = pcpu();
        RgbImage out = s.takeImage();
        s.close();
        long p4 = pcpu();
        var th1 = tasks();
        double wall = (System.nanoTime() - t0) / 1e9;
        if (r == 0) continue;
        String md5 = hex(MessageDigest.getInstance("MD5").digest(out.rgb()));
        System.out.printf("round %d %s: total %.2f CPU s (wall %.2f)  create/analysis %.2f  plan %.2f  render %.2f [engine.run %.2f in %d calls, rest %.2f]  take/close %.2f  tiles %d calls %d GFLOPs %.1f  md5 %s%n",
            r, cfg, (p4 - p0) / 1e9, wall, (p1 - p0) / 1e9, (p2 - p1) / 1e9, (p3 - p2) / 1e9, eng.cpu.get() / 1e9, eng.calls.get(),
            (p3 - p2 - eng.cpu.get()) / 1e9, (p4 - p3) / 1e9, st.tiles(), st.calls(), st.executedFlops() / 1e9, md5);
        diff(th0, th1);
        for (int k = 0; k < 6; k++) {
          if (eng.sn.get(k) == 0) continue;
          double gf = b.manifest().subnets().get(k).flopsPerPatch() / 1024.0 * eng.spx.get(k) / 1e9;
          System.out.printf("   subnet %d: %d calls, %.1f Mpx in, %.1f GFLOPs, %.2f CPU s, %.0f GFLOP/s, %.0f us/call%n", k, eng.sn.get(k), eng.spx.get(k) / 1e6, gf, eng.sc.get(k) / 1e9, gf / (eng.sc.get(k) / 1e9), eng.sc.get(k) / 1e3 / eng.sn.get(k));
        }
        if (a.length > 4 && r == 1) Files.write(Path.of(a[4] + "-" + cfg.replace(':', '-') + ".rgb"), out.rgb());
      }
    }
    all.close(); ext.close();
  }
  static java.util.Map<String, Long> tasks() throws Exception {
    java.util.Map<String, Long> m = new java.util.TreeMap<>();
    long tick = 10_000_000L; // USER_HZ 100
    try (var ds = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
      for (Path t : ds) {
        try {
          String comm = Files.readString(t.resolve("comm")).trim().replaceAll("[0-9#-]+$", "").replaceAll("[0-9]+", "N");
          String st = Files.readString(t.resolve("stat"));
          String[] f = st.substring(st.lastIndexOf(')') + 2).split(" ");
          long cpu = (Long.parseLong(f[11]) + Long.parseLong(f[12])) * tick;
          m.merge(comm, cpu, Long::sum);
        } catch (Exception e) { }
      }
    }
    return m;
  }
  static void diff(java.util.Map<String, Long> a, java.util.Map<String, Long> b) {
    StringBuilder sb = new StringBuilder("   threads (CPU s):");
    for (var e : b.entrySet()) {
      long d = e.getValue() - a.getOrDefault(e.getKey(), 0L);
      if (d >= 20_000_000L) sb.append(String.format("  %s %.2f", e.getKey(), d / 1e9));
    }
    System.out.println(sb);
  }
  static String hex(byte[] d) { StringBuilder sb = new StringBuilder(); for (byte x : d) sb.append(String.format("%02x", x)); return sb.toString(); }
}

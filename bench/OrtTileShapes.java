import ai.onnxruntime.*;
import java.nio.FloatBuffer;
import java.util.*;

/**
 * Issue 17: whether larger tiles or batches make a subnet cheaper per pixel. Thread CPU per core LR
 * pixel (the tile's 32-px patches without its 1-px margin) of one ONNX file, straight on ONNX
 * Runtime (no DJL), one intra-op thread, ALL_OPT as the app runs it, for tiles of 1..12 patches a
 * side and batches of 1 and 4; the shapes are interleaved over 3 timed rounds. Args: ONNX_FILE.
 */
public class OrtTileShapes {
  public static void main(String[] a) throws Exception {
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    var tm = java.lang.management.ManagementFactory.getThreadMXBean();
    try (OrtSession.SessionOptions so = new OrtSession.SessionOptions()) {
      so.setIntraOpNumThreads(1); so.setInterOpNumThreads(1);
      so.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
      so.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      try (OrtSession s = env.createSession(a[0], so)) {
        int[][] cfg = {{1,1},{1,4},{2,1},{2,4},{4,1},{4,4},{8,1},{12,1}};
        double[] ns = new double[cfg.length]; long[] px = new long[cfg.length];
        for (int round = 0; round < 4; round++) {
          for (int k = 0; k < cfg.length; k++) {
            int side = cfg[k][0] * 32 + 2, n = cfg[k][1];
            float[] x = new float[n * 3 * side * side];
            Random r = new Random(1); for (int i = 0; i < x.length; i++) x[i] = r.nextFloat();
            int reps = Math.max(2, 3000000 / (n * side * side));
            long c0 = tm.getCurrentThreadCpuTime();
            for (int i = 0; i < reps; i++) {
              try (OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), new long[] {n, 3, side, side});
                  OrtSession.Result res = s.run(Map.of("lr", t))) { }
            }
            if (round > 0) { ns[k] += tm.getCurrentThreadCpuTime() - c0; px[k] += (long) reps * n * (cfg[k][0] * 32) * (cfg[k][0] * 32); }
          }
        }
        for (int k = 0; k < cfg.length; k++)
          System.out.printf("side %2d patches x batch %d: %.1f ns CPU per core LR px%n", cfg[k][0], cfg[k][1], ns[k] / px[k]);
      }
    }
  }
}

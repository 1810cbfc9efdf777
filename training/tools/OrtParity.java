import ai.onnxruntime.*;
import java.nio.*;
import java.nio.file.*;
import java.util.*;
import java.util.regex.*;

public class OrtParity {
  static float[] dec(String b64) {
    byte[] b = Base64.getDecoder().decode(b64);
    FloatBuffer fb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
    float[] f = new float[fb.remaining()]; fb.get(f); return f;
  }
  static long[] shape(String s) {
    String[] p = s.replaceAll("[\\[\\] ]", "").split(",");
    long[] r = new long[p.length]; for (int i = 0; i < p.length; i++) r[i] = Long.parseLong(p[i]); return r;
  }
  public static void main(String[] a) throws Exception {
    Path dir = Paths.get(a[0]);
    String par = Files.readString(dir.resolve("parity.json")).replaceAll("\\s", "");
    Matcher in = Pattern.compile("\"input\":\\{\"shape\":(\\[[^\\]]*\\]),\"data_b64\":\"([^\"]*)\"").matcher(par);
    in.find();
    long[] ishape = shape(in.group(1)); float[] x = dec(in.group(2));
    String man = Files.readString(dir.resolve("manifest.json"));
    Matcher files = Pattern.compile("\"file\": \"(subnet-[^\"]*\\.onnx)\"").matcher(man);
    List<String> names = new ArrayList<>(); while (files.find()) names.add(files.group(1));
    Matcher outs = Pattern.compile("\\{\"subnet\":(\\d+),\"shape\":(\\[[^\\]]*\\]),\"data_b64\":\"([^\"]*)\"").matcher(par);
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    double worst = 0;
    while (outs.find()) {
      int i = Integer.parseInt(outs.group(1)); float[] ref = dec(outs.group(3));
      try (OrtSession s = env.createSession(dir.resolve(names.get(i)).toString(), new OrtSession.SessionOptions());
           OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), ishape);
           OrtSession.Result r = s.run(Map.of("lr", t))) {
        FloatBuffer y = ((OnnxTensor) r.get(0)).getFloatBuffer();
        double m = 0; for (int k = 0; k < ref.length; k++) m = Math.max(m, Math.abs(y.get(k) - ref[k]));
        System.out.println(names.get(i) + " max abs err " + m + " (" + ref.length + " values, out " + Arrays.toString(((OnnxTensor) r.get(0)).getInfo().getShape()) + ")");
        worst = Math.max(worst, m);
      }
    }
    if (Files.exists(dir.resolve("classifier.onnx"))) {
      Matcher cl = Pattern.compile("\"classifier_logits\":\\{\"shape\":(\\[[^\\]]*\\]),\"data_b64\":\"([^\"]*)\"").matcher(par);
      cl.find(); float[] ref = dec(cl.group(2));
      try (OrtSession s = env.createSession(dir.resolve("classifier.onnx").toString(), new OrtSession.SessionOptions());
           OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), ishape);
           OrtSession.Result r = s.run(Map.of("lr", t))) {
        FloatBuffer y = ((OnnxTensor) r.get(0)).getFloatBuffer();
        double m = 0; for (int k = 0; k < ref.length; k++) m = Math.max(m, Math.abs(y.get(k) - ref[k]));
        System.out.println("classifier max abs err " + m); worst = Math.max(worst, m);
      }
    }
    System.out.println("WORST " + worst + (worst < 1e-4 ? " OK" : " FAIL"));
  }
}

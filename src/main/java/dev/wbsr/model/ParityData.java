package dev.wbsr.model;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The PyTorch reference tensors of {@code parity.json}: one input batch and the output of every
 * subnet on it (and, for ClassSR bundles, the classifier's logits on it).
 */
public record ParityData(
    Tensor input, List<SubnetOutput> outputs, Optional<Tensor> classifierLogits) {

  /** A float32 tensor in C order. */
  public record Tensor(int[] shape, float[] data) {}

  /** The reference output of one subnet. */
  public record SubnetOutput(int subnet, Tensor output) {}

  public static ParityData read(Path file) throws IOException {
    JsonObject root = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
    Tensor input = tensor(root.getAsJsonObject("input"));
    List<SubnetOutput> outputs = new ArrayList<>();
    for (var e : root.getAsJsonArray("outputs")) {
      JsonObject o = e.getAsJsonObject();
      outputs.add(new SubnetOutput(o.get("subnet").getAsInt(), tensor(o)));
    }
    Optional<Tensor> logits =
        root.has("classifier_logits") && root.get("classifier_logits").isJsonObject()
            ? Optional.of(tensor(root.getAsJsonObject("classifier_logits")))
            : Optional.empty();
    return new ParityData(input, List.copyOf(outputs), logits);
  }

  private static Tensor tensor(JsonObject o) {
    JsonArray s = o.getAsJsonArray("shape");
    int[] shape = new int[s.size()];
    long n = 1;
    for (int i = 0; i < shape.length; i++) {
      shape[i] = s.get(i).getAsInt();
      n *= shape[i];
    }
    ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(o.get("data_b64").getAsString()));
    float[] data = new float[Math.toIntExact(n)];
    if (bytes.remaining() != data.length * 4L) {
      throw new BundleException(
          "parity tensor holds " + bytes.remaining() + " bytes, shape needs " + data.length * 4L);
    }
    bytes.order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(data);
    return new Tensor(shape, data);
  }
}

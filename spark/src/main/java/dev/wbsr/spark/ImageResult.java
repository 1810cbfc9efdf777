package dev.wbsr.spark;

import java.io.Serializable;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * One row of the job's result table: what happened to one image. {@code status} is ok, skipped or
 * failed; {@code error} one plain sentence for a skipped or failed image; sizes and FLOPs are 0
 * when nothing was computed. {@code task} is the Spark partition that handled it.
 */
public record ImageResult(
    String input,
    String output,
    int width,
    int height,
    int outWidth,
    int outHeight,
    String routing,
    double gflopsPaper,
    double gflopsExecuted,
    double seconds,
    String status,
    String error,
    int task)
    implements Serializable {

  public static final String OK = "ok";
  public static final String SKIPPED = "skipped";
  public static final String FAILED = "failed";

  public static final StructType SCHEMA =
      new StructType(
          List.of(
                  field("input", DataTypes.StringType, false),
                  field("output", DataTypes.StringType, false),
                  field("width", DataTypes.IntegerType, false),
                  field("height", DataTypes.IntegerType, false),
                  field("out_width", DataTypes.IntegerType, false),
                  field("out_height", DataTypes.IntegerType, false),
                  field("routing", DataTypes.StringType, false),
                  field("gflops_paper", DataTypes.DoubleType, false),
                  field("gflops_executed", DataTypes.DoubleType, false),
                  field("seconds", DataTypes.DoubleType, false),
                  field("status", DataTypes.StringType, false),
                  field("error", DataTypes.StringType, true),
                  field("task", DataTypes.IntegerType, false))
              .toArray(new StructField[0]));

  public Row toRow() {
    return RowFactory.create(
        input,
        output,
        width,
        height,
        outWidth,
        outHeight,
        routing,
        gflopsPaper,
        gflopsExecuted,
        seconds,
        status,
        error,
        task);
  }

  public static ImageResult of(Row r) {
    return new ImageResult(
        r.getString(0),
        r.getString(1),
        r.getInt(2),
        r.getInt(3),
        r.getInt(4),
        r.getInt(5),
        r.getString(6),
        r.getDouble(7),
        r.getDouble(8),
        r.getDouble(9),
        r.getString(10),
        r.isNullAt(11) ? null : r.getString(11),
        r.getInt(12));
  }

  static ImageResult notDone(
      InputFile f, String routing, String status, String error, int task, double seconds) {
    return new ImageResult(
        f.input(), f.output(), 0, 0, 0, 0, routing, 0, 0, seconds, status, error, task);
  }

  private static StructField field(String name, org.apache.spark.sql.types.DataType t, boolean n) {
    return DataTypes.createStructField(name, t, n);
  }
}

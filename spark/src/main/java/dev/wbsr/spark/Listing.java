package dev.wbsr.spark;

import dev.wbsr.image.ImageFormat;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Lists the job's images on any Hadoop file system, on the driver: a file as it is, a folder with
 * its subfolders (mirrored under the output). Like the CLI's scan it takes image files by extension
 * and leaves out hidden names and the output folder when it lies inside the input; like Hadoop's
 * own readers it also leaves out names starting with {@code _} (the job's result tables).
 */
public final class Listing {

  private Listing() {}

  /**
   * @param outputName the output file name for an input file name (the core's naming rule)
   */
  public static List<InputFile> list(
      Configuration conf, String input, String output, UnaryOperator<String> outputName)
      throws IOException {
    Path in = new Path(input);
    FileSystem fs = in.getFileSystem(conf);
    Path root = fs.makeQualified(in);
    Path out = new Path(output);
    Path outRoot = out.getFileSystem(conf).makeQualified(out);
    FileStatus st;
    try {
      st = fs.getFileStatus(root);
    } catch (FileNotFoundException e) {
      throw new FileNotFoundException("the input " + input + " does not exist");
    }
    List<InputFile> files = new ArrayList<>();
    if (st.isFile()) {
      String name = root.getName();
      if (ImageFormat.fromFileName(name).isPresent()) {
        files.add(
            new InputFile(
                root.toString(),
                st.getLen(),
                new Path(outRoot, outputName.apply(name)).toString()));
      }
      return files;
    }
    String rootUri = root.toUri().getPath();
    String outUri = outRoot.toString();
    RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
    while (it.hasNext()) {
      LocatedFileStatus f = it.next();
      Path p = f.getPath();
      String q = p.toString();
      if (!f.isFile() || q.equals(outUri) || q.startsWith(outUri + "/")) {
        continue;
      }
      String rel = p.toUri().getPath().substring(rootUri.length()).replaceFirst("^/+", "");
      if (skipped(rel) || ImageFormat.fromFileName(p.getName()).isEmpty()) {
        continue;
      }
      int slash = rel.lastIndexOf('/');
      Path dir = slash < 0 ? outRoot : new Path(outRoot, rel.substring(0, slash));
      files.add(
          new InputFile(q, f.getLen(), new Path(dir, outputName.apply(p.getName())).toString()));
    }
    files.sort(Comparator.comparing(InputFile::input));
    return files;
  }

  /** A hidden ({@code .}) or Hadoop-private ({@code _}) name anywhere in the relative path. */
  static boolean skipped(String rel) {
    for (String part : rel.split("/")) {
      if (part.startsWith(".") || part.startsWith("_")) {
        return true;
      }
    }
    return false;
  }
}

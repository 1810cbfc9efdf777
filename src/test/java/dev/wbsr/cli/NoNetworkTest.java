package dev.wbsr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wbsr.engine.TestBundles;
import dev.wbsr.report.ReadmeBlock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: the CLI opens no network connection. {@code info}, {@code info --check}, {@code
 * upscale}, {@code eval} and {@code report} run in a fresh JVM ({@link NetGuard}) where every Java
 * route to the network is recorded and refused, with DJL's flags and ONNX Runtime's telemetry
 * variable not set from outside, so what the code sets itself is what is tested; and a class loader
 * ({@link DjlWatch}) checks that DJL's offline flags were set before its first class loaded. Native
 * code (ONNX Runtime) is covered by {@code bench/strace-network.sh}.
 */
class NoNetworkTest {

  @TempDir Path tmp;

  record Guarded(int code, List<String> lines, String all) {
    List<String> attempts() {
      return lines.stream().filter(l -> l.startsWith("NETGUARD attempt ")).toList();
    }

    String djl() {
      return lines.stream().filter(l -> l.startsWith("NETGUARD djl ")).findFirst().orElse("");
    }
  }

  private Guarded guarded(String... args) throws Exception {
    Path home = Files.createDirectories(tmp.resolve("home"));
    Path hosts = Files.writeString(tmp.resolve("hosts"), "");
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                "-Djava.awt.headless=true",
                "-Djava.system.class.loader=" + DjlWatch.class.getName(),
                "-Djava.nio.channels.spi.SelectorProvider=" + NetGuard.Channels.class.getName(),
                // names resolve from an empty hosts file: no DNS query can leave this JVM
                "-Djdk.net.hosts.file=" + hosts,
                "-Duser.home=" + home,
                "-Dwbsr.cache.dir=" + tmp.resolve("cache"),
                "-cp",
                System.getProperty("java.class.path"),
                NetGuard.class.getName()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("guard.log").toFile());
    pb.environment().remove("OPT_OUT_TRACKING");
    pb.environment().remove("ORT_DISABLE_TELEMETRY");
    pb.environment().put("HOME", home.toString());
    Process p = pb.start();
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError(
          "the guarded CLI did not finish: " + Files.readString(tmp.resolve("guard.log")));
    }
    String all = Files.readString(tmp.resolve("guard.log"), StandardCharsets.UTF_8);
    return new Guarded(p.exitValue(), all.lines().toList(), all);
  }

  @Test
  void theGuardSeesEveryKindOfConnectionAttempt() throws Exception {
    Guarded g = guarded("--control");
    assertThat(g.code()).as(g.all()).isZero();
    assertThat(g.attempts())
        .as(g.all())
        .anyMatch(a -> a.contains("URL connection to http://example.invalid/"))
        .anyMatch(a -> a.startsWith("NETGUARD attempt socket from"))
        .anyMatch(a -> a.contains("datagram socket"))
        .anyMatch(a -> a.contains("socket channel"));
  }

  @Test
  void infoCheckUpscaleEvalAndReportOpenNoConnection() throws Exception {
    Path models = tmp.resolve("models");
    Path bundle = Files.createDirectories(models.resolve("wbsr-x2"));
    try (Stream<Path> files = Files.list(TestBundles.tiny(2).dir())) {
      for (Path f : files.toList()) {
        Files.copy(f, bundle.resolve(f.getFileName()));
      }
    }
    Path data = tmp.resolve("data");
    CliTest.writePng(data.resolve("val-photo/one.png"), 48, 40, 1);
    CliTest.writePng(data.resolve("val-photo/two.png"), 34, 30, 2);
    Path readme =
        Files.writeString(
            tmp.resolve("README.md"), "# X\n" + ReadmeBlock.BEGIN + "\n" + ReadmeBlock.END + "\n");
    String m = bundle.toString();
    List<String[]> commands =
        List.of(
            new String[] {"info", "-m", m},
            new String[] {"info", "--check", "-m", m},
            new String[] {
              "upscale",
              "-m",
              m,
              "--device",
              "cpu",
              "-o",
              tmp.resolve("out").toString(),
              data.resolve("val-photo").toString()
            },
            new String[] {
              "upscale",
              "-m",
              m,
              "--device",
              "cpu",
              "--cost",
              "time",
              "--budget",
              "0.5",
              "-o",
              tmp.resolve("out-time").toString(),
              data.resolve("val-photo").toString()
            },
            new String[] {
              "eval",
              "--hr",
              data.resolve("val-photo").toString(),
              "-m",
              m,
              "--device",
              "cpu",
              "--json",
              tmp.resolve("eval.json").toString()
            },
            new String[] {
              "report",
              "--readme",
              readme.toString(),
              "--data",
              data.toString(),
              "--models",
              models.toString(),
              "--out",
              tmp.resolve("docs").toString(),
              "--sets",
              "val-photo",
              "--scales",
              "2",
              "--budgets",
              "1",
              "--etas",
              "1",
              "--device",
              "cpu"
            });
    StringBuilder file = new StringBuilder();
    for (String[] c : commands) {
      file.append(String.join("\t", c)).append('\n');
    }
    Path list = Files.writeString(tmp.resolve("commands.tsv"), file.toString());

    Guarded g = guarded(list.toString());

    assertThat(g.code()).as(g.all()).isZero();
    assertThat(g.lines()).as(g.all()).contains("NETGUARD done 0");
    assertThat(g.lines().stream().filter(l -> l.startsWith("NETGUARD exit ")))
        .as(g.all())
        .hasSize(commands.size())
        .allMatch(l -> l.startsWith("NETGUARD exit 0 "));
    assertThat(g.attempts()).as(g.all()).isEmpty();
    // DJL loaded, and only after the code had switched it offline
    assertThat(g.djl())
        .as(g.all())
        .contains("ai.djl.offline=true", "OPT_OUT_TRACKING=true", "first=ai.djl.");
    assertThat(tmp.resolve("out/one.png")).exists();
    assertThat(tmp.resolve("docs/RESULTS.md")).exists();
    assertThat(tmp.resolve("home").toFile().list())
        .as("nothing written to the home folder")
        .allMatch(n -> !n.equals(".djl.ai"));
  }
}

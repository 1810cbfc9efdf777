package dev.wbsr.timing;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measured subnet times kept in a folder, one file per bundle, used only when machine and bundle
 * match. A missing, stale or unreadable file just means measuring again; the cache never fails an
 * upscale.
 */
public final class SubnetTimesCache {

  private static final Logger LOG = LoggerFactory.getLogger(SubnetTimesCache.class);
  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

  private final Path dir;

  public SubnetTimesCache(Path dir) {
    this.dir = dir;
  }

  /**
   * The app's cache folder for subnet times: {@code -Dwbsr.cache.dir} if set (tests point it at a
   * temporary folder), else {@code $XDG_CACHE_HOME/wbsr}, else {@code ~/.cache/wbsr}; plus {@code
   * subnet-times}.
   */
  public static SubnetTimesCache standard() {
    String forced = System.getProperty("wbsr.cache.dir");
    Path base;
    if (forced != null && !forced.isBlank()) {
      base = Path.of(forced);
    } else {
      String xdg = System.getenv("XDG_CACHE_HOME");
      base =
          xdg != null && !xdg.isBlank()
              ? Path.of(xdg, "wbsr")
              : Path.of(System.getProperty("user.home"), ".cache", "wbsr");
    }
    return new SubnetTimesCache(base.resolve("subnet-times"));
  }

  public Path dir() {
    return dir;
  }

  /** The cached times of this bundle on this machine, if any. */
  public Optional<SubnetTimes> load(String machine, String bundle) {
    Path f = file(bundle);
    if (!Files.isRegularFile(f)) {
      return Optional.empty();
    }
    try {
      SubnetTimes t = GSON.fromJson(Files.readString(f, StandardCharsets.UTF_8), SubnetTimes.class);
      if (t == null || !machine.equals(t.machine()) || !bundle.equals(t.bundle())) {
        return Optional.empty();
      }
      // through the canonical constructor again: a hand-edited file must not bypass its checks
      return Optional.of(new SubnetTimes(t.machine(), t.bundle(), t.secondsPerPatch()));
    } catch (IOException | RuntimeException e) {
      LOG.info("ignoring unreadable subnet times {} ({}); measuring again", f, e.getMessage());
      return Optional.empty();
    }
  }

  /** Writes the times (atomically where the file system allows); failure is logged, not thrown. */
  public void save(SubnetTimes times) {
    Path f = file(times.bundle());
    try {
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, "times", ".tmp");
      Files.writeString(tmp, GSON.toJson(times) + "\n", StandardCharsets.UTF_8);
      try {
        Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      LOG.warn("cannot write subnet times to {}: {}", f, e.getMessage());
    }
  }

  /** Cached times if they match, else measured now and cached. */
  public SubnetTimes loadOrMeasure(String machine, String bundle, Supplier<SubnetTimes> measure) {
    return load(machine, bundle)
        .orElseGet(
            () -> {
              SubnetTimes t = measure.get();
              save(t);
              return t;
            });
  }

  private Path file(String bundle) {
    return dir.resolve(bundle.replaceAll("[^A-Za-z0-9._@-]", "_") + ".json");
  }
}

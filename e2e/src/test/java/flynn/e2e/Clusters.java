package flynn.e2e;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The clusters one test starts, each closed after the test, also when it fails. Register it as an
 * instance field with {@code @RegisterExtension}.
 */
final class Clusters implements AfterEachCallback {
  private final List<Cluster> started = new ArrayList<>();

  /** A cluster whose jobs run in runc containers ({@code --runner runc}). */
  Cluster startWithContainers() throws IOException {
    Cluster cluster = Cluster.start(List.of("--runner", "runc"));
    started.add(cluster);
    return cluster;
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    IOException failure = null;
    for (Cluster cluster : started) {
      try {
        cluster.close();
      } catch (IOException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    started.clear();
    if (failure != null) {
      throw failure;
    }
  }
}

package flynn.cli.deploy;

import flynn.api.controller.App;
import flynn.api.controller.Deployment;
import flynn.cli.CliException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The app changes behind {@code flynn deployment timeout|batch-size|strategy}, validated. */
final class DeploySettings {
  static final List<String> STRATEGIES =
      List.of(
          Deployment.ALL_AT_ONCE,
          Deployment.ONE_BY_ONE,
          Deployment.ONE_DOWN_ONE_UP,
          Deployment.IN_BATCHES);

  private DeploySettings() {}

  static App timeout(String value) {
    return changes(null, null, positive("timeout", value));
  }

  static App strategy(String name) {
    if (!STRATEGIES.contains(name)) {
      throw new CliException(
          "unknown strategy \"" + name + "\": use one of " + String.join(", ", STRATEGIES));
    }
    return changes(null, name, null);
  }

  /** The app's meta with {@link Deployment#META_BATCH_SIZE} set (the update replaces meta). */
  static App batchSize(App app, String value) {
    Map<String, String> meta = new TreeMap<>(app.meta() == null ? Map.of() : app.meta());
    meta.put(Deployment.META_BATCH_SIZE, Integer.toString(positive("batch-size", value)));
    return changes(meta, null, null);
  }

  /** The app's batch size, or "not set" as Flynn prints it. */
  static String batchSizeOf(App app) {
    String size = app.meta() == null ? null : app.meta().get(Deployment.META_BATCH_SIZE);
    return size == null ? "not set" : size;
  }

  private static int positive(String what, String value) {
    try {
      int n = Integer.parseInt(value.strip());
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new CliException("error parsing " + what + " \"" + value + "\": not a positive number");
  }

  private static App changes(Map<String, String> meta, String strategy, Integer timeout) {
    return new App(null, null, meta, strategy, null, timeout, null, null);
  }
}

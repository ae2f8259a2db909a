package flynn.host.logs;

import java.nio.file.Path;

/**
 * Where an app's log lives: {@code <dir>/<app>.log} and, after rotation, {@code <app>.log.1}. App
 * ids are UUIDs; anything else is made safe for a file name so no id can escape the directory.
 */
record LogFiles(Path current, Path previous) {
  static LogFiles of(Path dir, String app) {
    String name = fileName(app);
    return new LogFiles(dir.resolve(name + ".log"), dir.resolve(name + ".log.1"));
  }

  static String fileName(String app) {
    String safe = app.replaceAll("[^A-Za-z0-9_.-]", "_");
    return safe.isEmpty() || safe.startsWith(".") ? "_" + safe : safe;
  }
}

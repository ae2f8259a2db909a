package flynn.node;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL from the embedded binaries, data under the state dir, for the single-machine default.
 * A server left running by a daemon that was killed is stopped first.
 */
final class EmbeddedDatabase implements AutoCloseable {
  static final String DATABASE = "flynn";
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

  private final Path dataDir;
  private final Path binDir;
  private EmbeddedPostgres postgres;

  EmbeddedDatabase(Path dataDir, Path binDir) {
    this.dataDir = dataDir;
    this.binDir = binDir;
  }

  void start() {
    try {
      Files.createDirectories(dataDir);
      Files.createDirectories(binDir);
      LeftoverPostmaster.stopIfRunning(dataDir);
      postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDir)
              .setCleanDataDirectory(false)
              .setOverrideWorkingDirectory(binDir.toFile())
              .setPort(FreePorts.pick())
              .setPGStartupWait(Duration.ofSeconds(60))
              // the embedded defaults trade durability for speed (-F, synchronous_commit=off):
              // the platform's state must survive a crash, so put both back
              .setServerConfig("fsync", "on")
              .setServerConfig("synchronous_commit", "on")
              .setServerConfig("shared_buffers", "32MB")
              .setServerConfig("max_connections", "40")
              .setServerConfig("listen_addresses", "127.0.0.1")
              .start();
      ensureDatabase();
      LOG.info("postgres started port={} data={}", postgres.getPort(), dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start PostgreSQL in " + dataDir, e);
    }
  }

  String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
  }

  String user() {
    return "postgres";
  }

  private void ensureDatabase() {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      try (ResultSet rs =
          s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
        if (rs.next()) {
          return;
        }
      }
      s.execute("CREATE DATABASE " + DATABASE);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot create database " + DATABASE + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    if (postgres == null) {
      return;
    }
    try {
      postgres.close();
    } catch (IOException e) {
      LOG.warn("postgres did not stop cleanly: {}", e.getMessage());
    }
  }
}

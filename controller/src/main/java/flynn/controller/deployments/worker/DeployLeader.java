package flynn.controller.deployments.worker;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leadership of the deploy worker among controllers sharing one database: a PostgreSQL session
 * advisory lock held on a dedicated connection. The lock goes with the connection, so a controller
 * that dies (or loses its connection) frees it for another.
 */
public final class DeployLeader implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DeployLeader.class);
  private static final long LOCK_KEY = 0x466c796e6e4470L;
  private static final int VALID_SECONDS = 2;

  /** Opens a new database connection. */
  @FunctionalInterface
  public interface Connector {
    Connection open() throws SQLException;
  }

  private final Connector connector;
  private Connection connection;
  private boolean closed;

  public DeployLeader(Connector connector) {
    this.connector = connector;
  }

  /** True while this process holds the lock; tries to take it when it does not. */
  public synchronized boolean holds() {
    if (closed) {
      return false;
    }
    if (connection != null) {
      if (valid()) {
        return true;
      }
      LOG.warn("deploy leadership lost reason=connection_broken");
      release();
    }
    return tryAcquire();
  }

  private boolean valid() {
    try {
      return connection.isValid(VALID_SECONDS);
    } catch (SQLException e) {
      return false;
    }
  }

  private boolean tryAcquire() {
    try {
      Connection c = connector.open();
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT pg_try_advisory_lock(" + LOCK_KEY + ")")) {
        if (rs.next() && rs.getBoolean(1)) {
          connection = c;
          LOG.info("deploy leadership acquired");
          return true;
        }
      }
      c.close();
    } catch (SQLException e) {
      LOG.warn("deploy leadership not acquired error={}", e.getMessage());
    }
    return false;
  }

  private void release() {
    try {
      connection.close();
    } catch (SQLException e) {
      LOG.debug("closing the leader connection failed error={}", e.getMessage());
    }
    connection = null;
  }

  /** Gives up the lock (by closing its connection). */
  @Override
  public synchronized void close() {
    closed = true;
    if (connection != null) {
      release();
      LOG.info("deploy leadership released");
    }
  }
}

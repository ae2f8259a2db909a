package flynn.controller.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import flynn.controller.ControllerConfig;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;

/** Opens the controller's database: schema migrations, a small pool, and Jdbi over it. */
public final class Database {
  private static final int POOL_SIZE = 8;

  private Database() {}

  /** Brings the schema up to date with {@code db/migration}. */
  public static void migrate(ControllerConfig c) {
    Flyway.configure()
        .dataSource(c.jdbcUrl(), c.dbUser(), c.dbPassword())
        .locations("classpath:db/migration")
        .load()
        .migrate();
  }

  public static HikariDataSource pool(ControllerConfig c) {
    HikariConfig hc = new HikariConfig();
    hc.setPoolName("controller-db");
    hc.setJdbcUrl(c.jdbcUrl());
    hc.setUsername(c.dbUser());
    hc.setPassword(c.dbPassword());
    hc.setMaximumPoolSize(POOL_SIZE);
    hc.setMinimumIdle(1);
    hc.setConnectionTimeout(5_000);
    return new HikariDataSource(hc);
  }

  public static Jdbi jdbi(DataSource ds) {
    return Jdbi.create(ds).installPlugin(new PostgresPlugin());
  }
}

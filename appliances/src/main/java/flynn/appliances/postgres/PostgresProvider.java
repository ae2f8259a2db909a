package flynn.appliances.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import flynn.api.http.ApiException;
import flynn.api.provider.Provisioned;
import flynn.appliances.Provisioner;
import flynn.appliances.Secrets;
import flynn.appliances.platform.Appliance;
import flynn.appliances.platform.Superuser;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The postgres provider: each resource is a database and a user of the same random name with a
 * random password, on the shared PostgreSQL appliance.
 */
public final class PostgresProvider implements Provisioner {
  private static final Logger LOG = LoggerFactory.getLogger(PostgresProvider.class);
  public static final String NAME = "postgres";
  public static final String PATH = "/databases";

  private final Appliance appliance;
  private final Secrets secrets;

  public PostgresProvider(Appliance appliance, Secrets secrets) {
    this.appliance = appliance;
    this.secrets = secrets;
  }

  @Override
  public Provisioned provision(JsonNode config) {
    Superuser superuser = appliance.superuser();
    String name = secrets.name();
    String password = secrets.password();
    try {
      execute(superuser, PostgresStatements.create(name, password), "create database " + name);
    } catch (RuntimeException e) {
      dropQuietly(superuser, name);
      throw e;
    }
    return new Provisioned(name, PostgresEnv.of(name, password));
  }

  @Override
  public void deprovision(String id) {
    if (!PostgresStatements.isName(id)) {
      throw ApiException.notFound("database", id);
    }
    appliance
        .existingSuperuser()
        .ifPresent(
            superuser -> execute(superuser, PostgresStatements.drop(id), "drop database " + id));
  }

  /** Undoes a half-made resource; the provision's own error is the one to report. */
  private static void dropQuietly(Superuser superuser, String name) {
    try {
      PostgresServer.run(superuser, PostgresStatements.drop(name));
    } catch (SQLException e) {
      LOG.warn("database={} event=cleanup-failed error=\"{}\"", name, e.getMessage());
    }
  }

  private static void execute(Superuser superuser, java.util.List<String> sql, String what) {
    try {
      PostgresServer.run(superuser, sql);
    } catch (SQLException e) {
      throw ApiException.unavailable("postgres: cannot " + what + ": " + e.getMessage());
    }
  }
}

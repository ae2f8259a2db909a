package flynn.cli.db;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * psql, pg_dump and pg_restore against the app's postgres database, which they find through the
 * {@code PG*} variables libpq reads.
 */
final class PgTool implements DumpTool {
  private static final List<String> CONNECTION =
      List.of("PGHOST", "PGUSER", "PGPASSWORD", "PGDATABASE");
  private static final List<String> RESTORE =
      List.of("pg_restore", "--clean", "--if-exists", "--no-owner", "--no-acl");

  /** Where a parallel restore keeps the dump: pg_restore --jobs needs a file it can seek. */
  private static final String RESTORE_FILE = "/tmp/flynn-restore.dump";

  @Override
  public Appliance appliance() {
    return Appliance.POSTGRES;
  }

  @Override
  public DbJob console(ResourceEnv env, List<String> args) {
    List<String> command = new ArrayList<>(List.of("psql"));
    command.addAll(args);
    return new DbJob(command, connection(env)).withPager();
  }

  @Override
  public DbJob dump(ResourceEnv env) {
    return new DbJob(
        List.of("pg_dump", "--format=custom", "--no-owner", "--no-acl"), connection(env));
  }

  @Override
  public DbJob restore(ResourceEnv env) {
    return restore(env, 1);
  }

  /** A restore by {@code jobs} parallel pg_restore workers, stdin first copied to a file. */
  DbJob restore(ResourceEnv env, int jobs) {
    Map<String, String> connection = connection(env);
    String database = connection.get("PGDATABASE");
    if (jobs <= 1) {
      List<String> command = new ArrayList<>(RESTORE);
      command.addAll(List.of("-d", database));
      return new DbJob(command, connection);
    }
    String script =
        "cat > \"$1\" && exec "
            + String.join(" ", RESTORE)
            + " --jobs \"$2\" -d \"$PGDATABASE\" \"$1\"";
    return new DbJob(
        List.of("sh", "-c", script, "sh", RESTORE_FILE, Integer.toString(jobs)), connection);
  }

  /** pg_restore exits 1 when it skipped errors and restored the rest, as Flynn's CLI accepted. */
  @Override
  public boolean restoreFinished(int status) {
    return status == 0 || status == 1;
  }

  private static Map<String, String> connection(ResourceEnv env) {
    Map<String, String> vars = new LinkedHashMap<>();
    for (String key : CONNECTION) {
      vars.put(key, env.require(key));
    }
    vars.put("PGPORT", env.get("PGPORT", "5432"));
    return vars;
  }
}

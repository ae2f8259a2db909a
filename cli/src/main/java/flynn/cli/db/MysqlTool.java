package flynn.cli.db;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The MariaDB client, mysqldump and a restore through the client, against the app's mysql database.
 * The password goes in {@code MYSQL_PWD}, never on a command line.
 */
final class MysqlTool implements DumpTool {
  @Override
  public Appliance appliance() {
    return Appliance.MYSQL;
  }

  @Override
  public DbJob console(ResourceEnv env, List<String> args) {
    List<String> command = client(env);
    command.addAll(args);
    return new DbJob(command, password(env)).withPager();
  }

  @Override
  public DbJob dump(ResourceEnv env) {
    List<String> command =
        new ArrayList<>(List.of("mysqldump", "--single-transaction", "--routines"));
    command.addAll(server(env));
    command.add(env.require("MYSQL_DATABASE"));
    return new DbJob(command, password(env));
  }

  /**
   * The client reading the dump on stdin. Unlike Flynn's CLI, its exit status 1 is a failure: the
   * client stops at the first failed statement, so the database holds only part of the dump.
   */
  @Override
  public DbJob restore(ResourceEnv env) {
    return new DbJob(client(env), password(env));
  }

  private static List<String> client(ResourceEnv env) {
    List<String> command = new ArrayList<>(List.of("mysql"));
    command.addAll(server(env));
    command.addAll(List.of("-D", env.require("MYSQL_DATABASE")));
    return command;
  }

  private static List<String> server(ResourceEnv env) {
    return List.of(
        "-h",
        env.require("MYSQL_HOST"),
        "-P",
        env.get("MYSQL_PORT", "3306"),
        "-u",
        env.require("MYSQL_USER"));
  }

  private static Map<String, String> password(ResourceEnv env) {
    return Map.of("MYSQL_PWD", env.require("MYSQL_PWD"));
  }
}

package flynn.cli.db;

import flynn.cli.Session;
import java.io.InputStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code flynn pg}, {@code flynn mysql} and {@code flynn redis}: the appliances' clients run as
 * one-off jobs against the app's resource, with Flynn's commands, flags and help.
 */
public final class DbCommands {
  private DbCommands() {}

  public static CommandLine pg(Session session, InputStream stdin) {
    PgTool tool = new PgTool();
    return database(
        "pg",
        console("psql", tool, "psql", new ConsoleCommand(session, stdin, tool)),
        new DumpCommand(session, tool),
        new PgRestoreCommand(session, stdin, tool),
        "  $ flynn pg psql",
        "  $ flynn pg psql -- -c \"CREATE EXTENSION hstore\"",
        "  $ flynn pg dump -f db.dump",
        "  $ flynn pg restore -j 8 -f db.dump");
  }

  public static CommandLine mysql(Session session, InputStream stdin) {
    MysqlTool tool = new MysqlTool();
    return database(
        "mysql",
        console("console", tool, "mysql", new ConsoleCommand(session, stdin, tool)),
        new DumpCommand(session, tool),
        new RestoreCommand(session, stdin, tool),
        "  $ flynn mysql console",
        "  $ flynn mysql console -- -e \"CREATE DATABASE db\"",
        "  $ flynn mysql dump -f db.dump",
        "  $ flynn mysql restore -f db.dump");
  }

  public static CommandLine redis(Session session, InputStream stdin) {
    return parent("redis", "Manage the app's redis server.", "  $ flynn redis redis-cli")
        .addSubcommand(
            sub(
                "redis-cli",
                new ConsoleCommand(session, stdin, new RedisTool()),
                "Open a console to a Flynn redis instance. Any valid arguments to redis-cli may be"
                    + " provided."));
  }

  /** A SQL database's command: a console, dump and restore, with the appliance's noun in help. */
  private static CommandLine database(
      String name,
      CommandLine console,
      DumpCommand dump,
      RestoreCommand restore,
      String... examples) {
    String noun = dump.appliance().noun();
    return parent(name, "Manage the app's " + noun + ".", examples)
        .addSubcommand(console)
        .addSubcommand(
            sub(
                "dump",
                dump,
                "Dump a " + noun + ". If file is not specified, will dump to stdout."))
        .addSubcommand(
            sub(
                "restore",
                restore,
                "Restore a database dump. If file is not specified, will restore from stdin."));
  }

  private static CommandLine console(
      String name, ConsoleTool tool, String program, ConsoleCommand command) {
    return sub(
        name,
        command,
        "Open a console to a Flynn "
            + tool.appliance().noun()
            + ". Any valid arguments to "
            + program
            + " may be provided.");
  }

  private static CommandLine parent(String name, String description, String... examples) {
    CommandLine cl = new CommandLine(new Parent());
    CommandSpec spec = cl.getCommandSpec();
    spec.name(name);
    spec.usageMessage().description(description);
    spec.usageMessage().footer(footer(examples));
    return cl;
  }

  private static String[] footer(String... examples) {
    String[] lines = new String[examples.length + 1];
    lines[0] = "%nExamples:%n";
    System.arraycopy(examples, 0, lines, 1, examples.length);
    return lines;
  }

  private static CommandLine sub(String name, Object command, String description) {
    CommandLine cl = new CommandLine(command);
    cl.getCommandSpec().name(name);
    cl.getCommandSpec().usageMessage().description(description);
    return cl;
  }

  /** The command word alone: names no action, so it is a usage error. */
  @Command
  static final class Parent implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
      throw new ParameterException(spec.commandLine(), "Missing required subcommand");
    }
  }
}

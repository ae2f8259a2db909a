package flynn.cli;

import flynn.cli.apps.AppsCommand;
import flynn.cli.apps.CreateCommand;
import flynn.cli.apps.DeleteCommand;
import flynn.cli.apps.InfoCommand;
import flynn.cli.cluster.ClusterCommand;
import flynn.cli.db.DbCommands;
import flynn.cli.deploy.DeploymentCommand;
import flynn.cli.deploy.RestartCommand;
import flynn.cli.docker.DockerCommand;
import flynn.cli.env.EnvCommand;
import flynn.cli.git.GitCredentialsCommand;
import flynn.cli.jobs.KillCommand;
import flynn.cli.jobs.PsCommand;
import flynn.cli.jobs.RunCommand;
import flynn.cli.limit.LimitCommand;
import flynn.cli.log.LogCommand;
import flynn.cli.release.ReleaseCommand;
import flynn.cli.resource.ProviderCommand;
import flynn.cli.resource.ResourceCommand;
import flynn.cli.route.RouteCommand;
import flynn.cli.scale.ScaleCommand;
import flynn.cli.volume.VolumeCommand;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** Builds the {@code flynn} command tree for one invocation, and its error handling. */
final class Commands {
  private Commands() {}

  /**
   * The command tree for {@code args}. Building a picocli model costs start-up time per command, so
   * when the command word is known only that command is built; otherwise (help, a typo, no command)
   * the whole tree is, for usage and suggestions.
   */
  static CommandLine commandLine(String[] args, Io io, Environment env) {
    FlynnCommand root = new FlynnCommand();
    Session session = new Session(io, env, root::options);
    Map<String, Supplier<Object>> commands = commands(session);
    CommandLine cl = new CommandLine(root);
    String word = commandWord(args);
    if (word != null && commands.containsKey(word)) {
      cl.addSubcommand(word, commands.get(word).get());
    } else {
      cl.addSubcommand("help", new CommandLine.HelpCommand());
      commands.forEach((name, command) -> cl.addSubcommand(name, command.get()));
    }
    if (cl.getSubcommands().containsKey("run")) {
      cl.getSubcommands().get("run").setStopAtPositional(true);
    }
    cl.setSeparator(" ");
    cl.setOut(new PrintWriter(io.out(), true));
    cl.setErr(new PrintWriter(io.err(), true));
    cl.setExecutionExceptionHandler((e, command, parsed) -> {
      io.err().println("flynn: " + ErrorMessages.describe(e));
      return 1;
    });
    cl.setParameterExceptionHandler(Commands::usageError);
    return cl;
  }

  private static Map<String, Supplier<Object>> commands(Session session) {
    Map<String, Supplier<Object>> c = new LinkedHashMap<>();
    c.put("cluster", () -> ClusterCommand.commandLine(session));
    c.put("create", () -> new CreateCommand(session));
    c.put("delete", () -> new DeleteCommand(session));
    c.put("apps", () -> new AppsCommand(session));
    c.put("info", () -> new InfoCommand(session));
    c.put("ps", () -> new PsCommand(session));
    c.put("kill", () -> new KillCommand(session));
    c.put("log", () -> new LogCommand(session));
    c.put("scale", () -> new ScaleCommand(session));
    c.put("run", () -> new RunCommand(session));
    c.put("env", () -> EnvCommand.commandLine(session));
    c.put("release", () -> ReleaseCommand.commandLine(session));
    c.put("limit", () -> LimitCommand.commandLine(session));
    c.put("restart", () -> new RestartCommand(session));
    c.put("deployment", () -> DeploymentCommand.commandLine(session));
    c.put("route", () -> RouteCommand.commandLine(session));
    c.put("docker", () -> DockerCommand.commandLine(session));
    c.put("pg", () -> DbCommands.pg(session, System.in));
    c.put("mysql", () -> DbCommands.mysql(session, System.in));
    c.put("redis", () -> DbCommands.redis(session, System.in));
    c.put("provider", () -> ProviderCommand.commandLine(session));
    c.put("resource", () -> ResourceCommand.commandLine(session));
    c.put("volume", () -> VolumeCommand.commandLine(session));
    c.put("version", () -> new VersionCommand(session));
    c.put("git-credentials", () -> new GitCredentialsCommand(session, System.in));
    return c;
  }

  /**
   * The first argument that is neither a global option ({@code -a APP}, {@code -c NAME}) nor its
   * value.
   */
  static String commandWord(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("-a") || a.equals("-c")) {
        i++;
      } else if (!a.startsWith("-")) {
        return a;
      } else if (!(a.startsWith("-a") || a.startsWith("-c"))) {
        return null;
      }
    }
    return null;
  }

  private static int usageError(ParameterException e, String[] args) {
    CommandLine failed = e.getCommandLine();
    PrintWriter err = failed.getErr();
    boolean atRoot = failed.getParent() == null;
    if (atRoot && e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
      String name = u.getUnmatched().get(0);
      if (!name.startsWith("-")) {
        err.println("flynn: " + name + " is not a flynn command. See 'flynn help'.");
        return 2;
      }
    }
    err.println("flynn: " + e.getMessage());
    err.println(
        "See 'flynn help "
            + failed.getCommandSpec().qualifiedName(" ").replaceFirst("^flynn ?", "")
            + "'.");
    return 2;
  }
}

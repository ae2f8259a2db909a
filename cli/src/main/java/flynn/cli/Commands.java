package flynn.cli;

import flynn.cli.apps.AppsCommand;
import flynn.cli.apps.CreateCommand;
import flynn.cli.apps.DeleteCommand;
import flynn.cli.apps.InfoCommand;
import flynn.cli.cluster.ClusterCommand;
import flynn.cli.env.EnvCommand;
import flynn.cli.jobs.KillCommand;
import flynn.cli.jobs.PsCommand;
import flynn.cli.jobs.RunCommand;
import flynn.cli.log.LogCommand;
import flynn.cli.release.ReleaseCommand;
import flynn.cli.scale.ScaleCommand;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** Builds the {@code flynn} command tree for one invocation, and its error handling. */
final class Commands {
  private Commands() {}

  static CommandLine commandLine(Io io, Environment env) {
    FlynnCommand root = new FlynnCommand();
    Session session = new Session(io, env, root::options);
    CommandLine cl = new CommandLine(root);
    cl.addSubcommand("help", new CommandLine.HelpCommand());
    cl.addSubcommand("cluster", ClusterCommand.commandLine(session));
    cl.addSubcommand(new CreateCommand(session));
    cl.addSubcommand(new DeleteCommand(session));
    cl.addSubcommand(new AppsCommand(session));
    cl.addSubcommand(new InfoCommand(session));
    cl.addSubcommand(new PsCommand(session));
    cl.addSubcommand(new KillCommand(session));
    cl.addSubcommand(new LogCommand(session));
    cl.addSubcommand(new ScaleCommand(session));
    cl.addSubcommand(new RunCommand(session));
    cl.addSubcommand("env", EnvCommand.commandLine(session));
    cl.addSubcommand("release", ReleaseCommand.commandLine(session));
    cl.addSubcommand(new VersionCommand(session));
    cl.getSubcommands().get("run").setStopAtPositional(true);
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

package flynn.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code flynn [-a <app>] [-c <cluster>] <command> [<args>...]}. */
@Command(
    name = "flynn",
    synopsisSubcommandLabel = "<command>",
    mixinStandardHelpOptions = true,
    scope = ScopeType.INHERIT,
    versionProvider = CliVersion.class,
    description = "Manage apps on a Flynn cluster.",
    footer = "%nSee 'flynn help <command>' for more information on a specific command.")
public final class FlynnCommand implements Runnable {
  @Option(
      names = "-a",
      paramLabel = "<app>",
      scope = ScopeType.LOCAL,
      description = "app name (default: from the flynn git remote)")
  String app;

  @Option(
      names = "-c",
      paramLabel = "<cluster>",
      scope = ScopeType.LOCAL,
      description = "cluster name (default: $FLYNN_CLUSTER, else the default cluster)")
  String cluster;

  @Spec CommandSpec spec;

  public GlobalOptions options() {
    return new GlobalOptions(app, cluster);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
    throw new CliException("no command given");
  }
}

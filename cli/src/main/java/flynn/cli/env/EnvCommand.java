package flynn.cli.env;

import flynn.api.controller.App;
import flynn.api.controller.Release;
import flynn.cli.Session;
import flynn.cli.deploy.ReleaseDeploy;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flynn env [-t <proc>]}: lists the app's env; set, unset and get below. */
@Command(
    name = "env",
    description = {
      "Manage app environment variables. With no arguments, lists them (KEY=VALUE).",
      "Every change creates a new release and deploys it with the app's strategy."
    })
public final class EnvCommand implements Callable<Integer> {
  @Option(
      names = {"-t", "--process-type"},
      paramLabel = "<proc>",
      description = "set or read env for specified process type")
  String proc;

  @Option(names = "--json", description = "print the variables as a JSON object")
  boolean json;

  private final Session session;

  EnvCommand(Session session) {
    this.session = session;
  }

  public static CommandLine commandLine(Session session) {
    CommandLine cl = new CommandLine(new EnvCommand(session));
    cl.addSubcommand(new EnvSetCommand(session));
    cl.addSubcommand(new EnvUnsetCommand(session));
    cl.addSubcommand(new EnvGetCommand(session));
    return cl;
  }

  @Override
  public Integer call() {
    Optional<Release> release = session.currentRelease(session.app());
    Map<String, String> env = release.map(r -> EnvChange.visible(r, proc)).orElse(Map.of());
    if (json) {
      session.printJson(env);
      return 0;
    }
    env.forEach((k, v) -> session.println(k + "=" + v));
    return 0;
  }

  /** Applies a change to the app's current release and deploys the new release. */
  static int change(Session session, String proc, Map<String, Optional<String>> changes) {
    App app = session.appRecord();
    Release current = session.currentRelease(app.id()).orElse(null);
    Release next = EnvChange.apply(current, proc, changes);
    return ReleaseDeploy.createAndDeploy(session, app, next);
  }
}

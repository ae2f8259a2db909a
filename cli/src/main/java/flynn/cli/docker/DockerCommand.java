package flynn.cli.docker;

import flynn.cli.Session;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code flynn docker}: deploy container images ({@code push}). */
@Command(name = "docker", description = "Deploy container images to the cluster.")
public final class DockerCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  public static CommandLine commandLine(Session session) {
    CommandLine cl = new CommandLine(new DockerCommand());
    cl.addSubcommand(new DockerPushCommand(session));
    return cl;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }
}

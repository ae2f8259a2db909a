package flynn.cli.release;

import flynn.api.controller.App;
import flynn.api.controller.Artifact;
import flynn.api.controller.Release;
import flynn.cli.CliException;
import flynn.cli.Session;
import flynn.cli.deploy.ReleaseDeploy;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flynn release add [-t <type>] -f <file> [<uri>]}. */
@Command(
    name = "add",
    description = {
      "Create a release from a release configuration file and deploy it.",
      "With <uri>, the release runs on an artifact of that type and URI; without, its processes'",
      "args run directly."
    })
final class ReleaseAddCommand implements Callable<Integer> {
  static final Set<String> ARTIFACT_TYPES = Set.of("docker", "file", "flynn");

  @Option(
      names = "-t",
      paramLabel = "<type>",
      defaultValue = "docker",
      description = "artifact type of <uri>: docker, file or flynn (default: ${DEFAULT-VALUE})")
  String type;

  @Option(
      names = {"-f", "--file"},
      paramLabel = "<file>",
      required = true,
      description = "release configuration file (JSON: env, meta, processes...)")
  Path file;

  @Parameters(arity = "0..1", paramLabel = "<uri>")
  String uri;

  private final Session session;

  ReleaseAddCommand(Session session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    if (!ARTIFACT_TYPES.contains(type)) {
      throw new CliException("Release type " + type + " not supported (docker, file or flynn).");
    }
    ReleaseFile.Parsed parsed = ReleaseFile.read(file);
    parsed.warnings().forEach(w -> session.info("WARN: " + w));
    App app = session.appRecord();
    Release release = parsed.release();
    if (uri != null) {
      Artifact artifact =
          session
              .client()
              .releases()
              .createArtifact(new Artifact(null, type, uri, null, null, null, null, null, null));
      release =
          new Release(
              null,
              null,
              List.of(artifact.id()),
              release.env(),
              release.meta(),
              release.processes(),
              null,
              null);
    }
    return ReleaseDeploy.createAndDeploy(session, app, release);
  }
}

package flynn.cli.release;

import flynn.api.controller.Artifact;
import flynn.api.controller.Release;
import flynn.cli.CliException;
import flynn.cli.Session;
import flynn.cli.output.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flynn release show [--json] [<id>]}. */
@Command(name = "show", description = "Show a release; without <id>, the app's current release.")
final class ReleaseShowCommand implements Callable<Integer> {
  @Option(names = "--json", description = "print the release as JSON")
  boolean json;

  @Parameters(arity = "0..1", paramLabel = "<id>")
  String id;

  private final Session session;

  ReleaseShowCommand(Session session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    Release release =
        id != null
            ? session.client().releases().get(id)
            : session
                .currentRelease(session.app())
                .orElseThrow(() -> new CliException("the app has no release yet"));
    if (json) {
      session.printJson(release);
      return 0;
    }
    List<String> artifacts = new ArrayList<>();
    for (String artifactId :
        release.artifacts() == null ? List.<String>of() : release.artifacts()) {
      Artifact a = session.client().releases().artifact(artifactId);
      artifacts.add(a.type() + "+" + a.uri());
    }
    session.print(render(release, artifacts));
    return 0;
  }

  /** Flynn's layout: ID, artifacts, process types, creation time, env and meta. */
  static String render(Release release, List<String> artifacts) {
    Table t = new Table().row("ID:", release.id());
    for (int i = 0; i < artifacts.size(); i++) {
      t.row("Artifact[" + i + "]:", artifacts.get(i));
    }
    List<String> types =
        release.processes() == null
            ? List.of()
            : release.processes().keySet().stream().sorted().toList();
    t.row("Process Types:", String.join(", ", types));
    t.row("Created At:", release.createdAt());
    if (release.env() != null) {
      new TreeMap<>(release.env()).forEach((k, v) -> t.row("ENV[" + k + "]", v));
    }
    if (release.meta() != null) {
      new TreeMap<>(release.meta()).forEach((k, v) -> t.row("META[" + k + "]", v));
    }
    return t.render();
  }
}

package flynn.cli.scale;

import flynn.api.controller.App;
import flynn.api.controller.Formation;
import flynn.api.controller.Release;
import flynn.api.controller.ScaleRequest;
import flynn.cli.CliException;
import flynn.cli.Session;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flynn scale [-n] [-r <release>] [<type>=<spec>...]}. */
@Command(
    name = "scale",
    description = {
      "Change the number of jobs (and host tags) of each process type of a release.",
      "TYPE=COUNT[,KEY=VAL...], e.g. web=3 or db=3,disk=ssd. No arguments: show the current scale."
    })
public final class ScaleCommand implements Callable<Integer> {
  @Option(
      names = {"-n", "--no-wait"},
      description = "don't wait for the scaling events to happen")
  boolean noWait;

  @Option(
      names = {"-r", "--release"},
      paramLabel = "<release>",
      description = "id of release to scale (defaults to current app release)")
  String releaseId;

  @Option(
      names = {"-a", "--all"},
      description = "show non-zero formations of all releases (listing only)")
  boolean all;

  @Option(
      names = "--timeout",
      paramLabel = "<seconds>",
      defaultValue = "30",
      description = "how long to wait for the scale to complete (default: ${DEFAULT-VALUE})")
  long timeoutSeconds;

  @Option(names = "--json", description = "print the formation as JSON (listing only)")
  boolean json;

  @Parameters(paramLabel = "<type>=<spec>", arity = "0..*")
  List<String> specs = new ArrayList<>();

  private final Session session;

  public ScaleCommand(Session session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    if (all && (!specs.isEmpty() || releaseId != null)) {
      throw new CliException("--all only lists formations: it cannot scale or take --release");
    }
    App app = session.appRecord();
    if (specs.isEmpty()) {
      return all ? showAll(app) : show(app, release(app));
    }
    return scale(app, release(app));
  }

  private int show(App app, Release release) {
    Formation formation = formation(app, release);
    if (json) {
      session.printJson(formation);
      return 0;
    }
    session.println(FormationLine.counts(types(release), formation.processes()));
    return 0;
  }

  private int showAll(App app) {
    List<Formation> formations = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (Release r : session.client().apps().releases(app.id())) {
      Formation f = formation(app, r);
      Map<String, Integer> nonZero = nonZero(f.processes());
      if (nonZero.isEmpty()) {
        continue;
      }
      formations.add(f);
      text.append(text.isEmpty() ? "" : "\n").append(r.id());
      text.append(r.id().equals(app.release()) ? " (current)\n" : "\n");
      text.append(FormationLine.counts(nonZero.keySet(), nonZero)).append('\n');
    }
    if (json) {
      session.printJson(formations);
    } else {
      session.print(text.toString());
    }
    return 0;
  }

  private int scale(App app, Release release) {
    ScaleSpec spec = ScaleSpec.parse(specs, types(release));
    Map<String, Integer> current = formation(app, release).processes();
    if (spec.isNoOp(current)) {
      session.println("requested scale equals current scale, nothing to do!");
      return 0;
    }
    Instant start = session.now();
    new ScaleWaiter(session.client(), session.io().clock())
        .scale(
            app.id(),
            release.id(),
            spec.processes(),
            spec.tags(),
            !noWait,
            Duration.ofSeconds(timeoutSeconds),
            printer(release, current));
    if (!noWait) {
      session.println("\nscale completed in " + seconds(Duration.between(start, session.now())));
    }
    return 0;
  }

  private ScaleListener printer(Release release, Map<String, Integer> current) {
    return new ScaleListener() {
      @Override
      public void created(ScaleRequest request) {
        Map<String, Integer> before =
            request.oldProcesses() != null ? request.oldProcesses() : current;
        Map<String, Integer> after =
            request.newProcesses() != null ? request.newProcesses() : Map.of();
        session.println(FormationLine.scaling(types(release), before, after) + "\n");
      }

      @Override
      public void jobLine(String line) {
        session.println(line);
      }
    };
  }

  private Release release(App app) {
    if (releaseId != null) {
      return session.client().releases().get(releaseId);
    }
    return session
        .currentRelease(app.id())
        .orElseThrow(() -> new CliException("No app release, specify a release with --release"));
  }

  private Formation formation(App app, Release release) {
    return Formations.get(session.client(), app.id(), release.id());
  }

  private static Map<String, Integer> nonZero(Map<String, Integer> processes) {
    Map<String, Integer> out = new java.util.TreeMap<>();
    processes.forEach((t, n) -> {
      if (n != null && n > 0) {
        out.put(t, n);
      }
    });
    return out;
  }

  static java.util.Set<String> types(Release release) {
    return release.processes() == null ? java.util.Set.of() : release.processes().keySet();
  }

  static String seconds(Duration d) {
    return String.format(java.util.Locale.ROOT, "%.3fs", d.toMillis() / 1000.0);
  }
}

package flynn.cli.resource;

import flynn.api.controller.Provider;
import flynn.api.controller.Resource;
import flynn.cli.Session;
import flynn.cli.output.Table;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flynn resource}: lists the app's resources; {@code add} and {@code remove} below. */
@Command(
    name = "resource",
    description = {
      "Manage resources (databases) of the app. With no arguments, lists them.",
      "Adding or removing one changes the app's env in a new release and deploys it."
    })
public final class ResourceCommand implements Callable<Integer> {
  @Option(names = "--json", description = "print the resources as JSON")
  boolean json;

  private final Session session;

  ResourceCommand(Session session) {
    this.session = session;
  }

  public static CommandLine commandLine(Session session) {
    CommandLine cl = new CommandLine(new ResourceCommand(session));
    cl.addSubcommand(new ResourceAddCommand(session));
    cl.addSubcommand(new ResourceRemoveCommand(session));
    return cl;
  }

  @Override
  public Integer call() {
    List<Resource> resources = session.client().resources().listForApp(session.app());
    if (json) {
      session.printJson(resources);
      return 0;
    }
    session.print(table(resources, providerNames(session)));
    return 0;
  }

  /** Flynn's listing: ID, PROVIDER ID, PROVIDER NAME. */
  static String table(List<Resource> resources, Map<String, String> providerNames) {
    Table t = new Table().row("ID", "PROVIDER ID", "PROVIDER NAME");
    resources.forEach(r -> t.row(r.id(), r.provider(), providerNames.get(r.provider())));
    return t.render();
  }

  /** Provider names by id. */
  static Map<String, String> providerNames(Session session) {
    return session.client().providers().list().stream()
        .collect(Collectors.toMap(Provider::id, Provider::name, (a, b) -> a));
  }
}

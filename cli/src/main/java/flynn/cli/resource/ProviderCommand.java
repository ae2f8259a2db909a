package flynn.cli.resource;

import flynn.api.controller.Provider;
import flynn.cli.Session;
import flynn.cli.output.Table;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flynn provider}: lists the cluster's resource providers; {@code add} registers one. */
@Command(
    name = "provider",
    description = "Manage resource providers. With no arguments, lists them (ID, NAME, URL).")
public final class ProviderCommand implements Callable<Integer> {
  @Option(names = "--json", description = "print the providers as JSON")
  boolean json;

  private final Session session;

  ProviderCommand(Session session) {
    this.session = session;
  }

  public static CommandLine commandLine(Session session) {
    CommandLine cl = new CommandLine(new ProviderCommand(session));
    cl.addSubcommand(new Add(session));
    return cl;
  }

  @Override
  public Integer call() {
    List<Provider> providers = session.client().providers().list();
    if (json) {
      session.printJson(providers);
    } else if (!providers.isEmpty()) {
      Table t = new Table().row("ID", "NAME", "URL");
      providers.forEach(p -> t.row(p.id(), p.name(), p.url()));
      session.print(t.render());
    }
    return 0;
  }

  /** {@code flynn provider add <name> <url>}. */
  @Command(name = "add", description = "Register provider <name> at <url> (or change its url).")
  static final class Add implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "<name>")
    String name;

    @Parameters(index = "1", paramLabel = "<url>")
    String url;

    private final Session session;

    Add(Session session) {
      this.session = session;
    }

    @Override
    public Integer call() {
      session.client().providers().create(Provider.of(name, url));
      session.info("Created provider " + name + ".");
      return 0;
    }
  }
}

package flynn.cli.cluster;

import flynn.api.config.Cluster;
import flynn.api.config.FlynnRc;
import flynn.cli.Session;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flynn cluster add}: adds a cluster to the config file. */
@Command(
    name = "add",
    description = {
      "Add a cluster to ~/.flynnrc (or $FLYNNRC).",
      "<controller-url> is a URL (http://controller.localhost:8081) or a domain (dev.example.com)."
    })
final class ClusterAddCommand implements Callable<Integer> {
  @Option(
      names = {"-f", "--force"},
      description = "replace a cluster with the same name or URLs")
  boolean force;

  @Option(
      names = {"-d", "--default"},
      description = "set as default cluster")
  boolean makeDefault;

  @Option(names = "--git-url", paramLabel = "<giturl>", description = "git URL")
  String gitUrl;

  @Option(names = "--no-git", description = "skip git configuration")
  boolean noGit;

  @Option(names = "--image-url", paramLabel = "<url>", description = "image URL")
  String imageUrl;

  @Option(
      names = {"-p", "--tls-pin"},
      paramLabel = "<tlspin>",
      description = "SHA256 of the cluster's TLS cert")
  String tlsPin;

  @Parameters(index = "0", paramLabel = "<cluster-name>")
  String name;

  @Parameters(index = "1", paramLabel = "<controller-url>")
  String address;

  @Parameters(index = "2", paramLabel = "<key>")
  String key;

  private final Session session;

  ClusterAddCommand(Session session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    ClusterAddress urls = ClusterAddress.parse(address);
    String git = noGit ? "" : gitUrl != null ? gitUrl : urls.gitUrl();
    String images = imageUrl != null ? imageUrl : urls.imageUrl();
    Cluster cluster = new Cluster(name, key, tlsPin, urls.controllerUrl(), git, images, Map.of());
    FlynnRc next = session.config().add(cluster, force, makeDefault);
    session.saveConfig(next);
    if (next.defaultName().equals(name)) {
      session.info("Cluster \"" + name + "\" added and set as default.");
    } else {
      session.info("Cluster \"" + name + "\" added.");
    }
    return 0;
  }
}

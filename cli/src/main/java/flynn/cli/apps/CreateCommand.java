package flynn.cli.apps;

import flynn.api.config.Cluster;
import flynn.api.controller.App;
import flynn.cli.Confirm;
import flynn.cli.Session;
import flynn.cli.git.GitRepo;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flynn create [-r <remote>] [-y] [<name>]}. */
@Command(
    name = "create",
    description = {
      "Create an app (the controller picks a random name when none is given).",
      "In a git repository, adds a git remote for deploying with git push."
    })
public final class CreateCommand implements Callable<Integer> {
  @Option(
      names = {"-r", "--remote"},
      paramLabel = "<remote>",
      defaultValue = "flynn",
      description = "name of the git remote to create, empty for none (default: ${DEFAULT-VALUE})")
  String remote;

  @Option(
      names = {"-y", "--yes"},
      description = "replace an existing git remote of that name without asking")
  boolean yes;

  @Parameters(arity = "0..1", paramLabel = "<name>")
  String name;

  private final Session session;

  public CreateCommand(Session session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    if (name != null) {
      AppNames.validate(name);
    }
    Cluster cluster = session.cluster();
    Optional<GitRepo> repo = session.gitRepo().filter(r -> !remote.isEmpty() && cluster.hasGit());
    if (repo.isPresent() && !mayReplaceRemote(repo.get())) {
      session.info(
          "The remote was not created. Please declare the desired local git remote name with"
              + " --remote flag.");
      return 0;
    }
    App app = session.client().apps().create(App.named(name));
    repo.ifPresent(r -> {
      r.setRemote(remote, cluster.gitUrlOf(app.name()));
      r.useCredentialHelper(cluster.gitUrl(), session.launcher());
    });
    session.info("Created " + app.name());
    return 0;
  }

  private boolean mayReplaceRemote(GitRepo repo) {
    if (yes || !repo.config().remotes().containsKey(remote)) {
      return true;
    }
    session.info("There is already a git remote called " + remote);
    return Confirm.ask(
        session.io().prompter(),
        "Are you sure you want to replace it?",
        "git remote \"" + remote + "\" already exists: use -y to replace it or -r to pick another");
  }
}

package flynn.cli.apps;

import flynn.api.controller.App;
import flynn.api.controller.AppDeletion;
import flynn.cli.Confirm;
import flynn.cli.Session;
import flynn.cli.git.GitRepo;
import flynn.cli.git.RemoteApps;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flynn delete [-y] [-r <remote>]}. */
@Command(
    name = "delete",
    description = "Delete an app, and its git remote when it points at the app.")
public final class DeleteCommand implements Callable<Integer> {
  @Option(
      names = {"-r", "--remote"},
      paramLabel = "<remote>",
      defaultValue = "flynn",
      description = "name of the git remote to delete, empty for none (default: ${DEFAULT-VALUE})")
  String remote;

  @Option(
      names = {"-y", "--yes"},
      description = "skip the confirmation prompt")
  boolean yes;

  private final Session session;

  public DeleteCommand(Session session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    App app = session.appRecord();
    if (!yes && !confirmed(app.name())) {
      return 0;
    }
    Optional<AppDeletion> deletion =
        AppDeletionWait.delete(session.client(), app, session.io().clock());
    session.gitRepo().ifPresent(repo -> removeRemote(repo, app.name()));
    session.info("Deleted " + app.name() + deletion.map(DeleteCommand::summary).orElse(""));
    return 0;
  }

  private boolean confirmed(String name) {
    return Confirm.ask(
        session.io().prompter(),
        "Are you sure you want to delete the app \"" + name + "\"?",
        "refusing to delete app \"" + name + "\" without confirmation: use -y");
  }

  private void removeRemote(GitRepo repo, String name) {
    if (remote.isEmpty()) {
      return;
    }
    RemoteApps.named(remote, repo.config(), session.config().clusters(), null)
        .filter(r -> r.app().equals(name))
        .ifPresent(r -> repo.removeRemote(remote));
  }

  static String summary(AppDeletion d) {
    return " (removed "
        + size(d.deletedRoutes())
        + " routes, deleted "
        + size(d.deletedReleases())
        + " releases, deprovisioned "
        + size(d.deletedResources())
        + " resources)";
  }

  private static int size(List<?> list) {
    return list == null ? 0 : list.size();
  }
}

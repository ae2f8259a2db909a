package flynn.gitreceive.push;

import flynn.api.controller.App;
import flynn.gitreceive.smarthttp.ClientStream;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.transport.PreReceiveHook;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.eclipse.jgit.transport.ReceivePack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pre-receive hook of an app's repository: applies {@link PushRules}, then deploys the pushed
 * main or master while the pusher waits. The ref is updated only when the deploy succeeded; a
 * failed one is refused as git's {@code pre-receive hook declined}, with the reason above it.
 */
public final class DeployHook implements PreReceiveHook {
  static final String DECLINED = "pre-receive hook declined";
  private static final Logger LOG = LoggerFactory.getLogger(DeployHook.class);
  private static final Duration KEEP_ALIVE = Duration.ofSeconds(5);

  private final App app;
  private final PushDeploy deploy;
  private final AppBuildLocks locks;
  private final ClientStream client;

  public DeployHook(App app, PushDeploy deploy, AppBuildLocks locks, ClientStream client) {
    this.app = app;
    this.deploy = deploy;
    this.locks = locks;
    this.client = client;
  }

  @Override
  public void onPreReceive(ReceivePack rp, Collection<ReceiveCommand> commands) {
    List<ReceiveCommand> pending =
        commands.stream()
            .filter(c -> c.getResult() == ReceiveCommand.Result.NOT_ATTEMPTED)
            .toList();
    PushRules.Plan plan = PushRules.plan(pending.stream().map(DeployHook::change).toList());
    for (ReceiveCommand cmd : pending) {
      String refusal = plan.refusals().get(change(cmd));
      if (refusal != null) {
        cmd.setResult(ReceiveCommand.Result.REJECTED_OTHER_REASON, refusal);
      }
    }
    plan.deploy()
        .flatMap(change -> find(pending, change))
        .ifPresent(cmd -> deploy(rp, cmd, pending));
  }

  private void deploy(ReceivePack rp, ReceiveCommand cmd, List<ReceiveCommand> all) {
    Optional<AppBuildLocks.Held> lock = locks.tryLock(app.id());
    if (lock.isEmpty()) {
      refuseAll(all, "a build of " + app.name() + " is running; push again when it ends");
      return;
    }
    String commit = cmd.getNewId().name();
    AppBuildLocks.Held held = lock.get();
    try {
      deployLocked(rp, cmd, all, commit);
    } finally {
      held.close();
    }
  }

  private void deployLocked(
      ReceivePack rp, ReceiveCommand cmd, List<ReceiveCommand> all, String commit) {
    try (SidebandPushLog log =
        new SidebandPushLog(rp.getMessageOutputStream(), client, rp.isSideBand(), KEEP_ALIVE)) {
      LOG.info("deploy started app={} commit={}", app.name(), commit);
      deploy.deploy(new Push(app, rp.getRepository(), commit, cmd.getRefName()), log);
      LOG.info("deploy done app={} commit={}", app.name(), commit);
    } catch (PushFailedException e) {
      LOG.info("deploy failed app={} commit={} reason={}", app.name(), commit, e.getMessage());
      rp.sendError(e.getMessage());
      refuseAll(all, DECLINED);
    } catch (RuntimeException e) {
      LOG.warn("deploy broke app={} commit={}", app.name(), commit, e);
      rp.sendError("deploy failed: " + e.getMessage());
      refuseAll(all, DECLINED);
    }
  }

  /** A failed deploy keeps every ref of the push as it was, as a failing git hook does. */
  private static void refuseAll(List<ReceiveCommand> commands, String why) {
    for (ReceiveCommand cmd : commands) {
      if (cmd.getResult() == ReceiveCommand.Result.NOT_ATTEMPTED) {
        cmd.setResult(ReceiveCommand.Result.REJECTED_OTHER_REASON, why);
      }
    }
  }

  private static Optional<ReceiveCommand> find(List<ReceiveCommand> cmds, RefChange change) {
    return cmds.stream().filter(c -> c.getRefName().equals(change.ref())).findFirst();
  }

  static RefChange change(ReceiveCommand cmd) {
    return new RefChange(cmd.getRefName(), cmd.getType() == ReceiveCommand.Type.DELETE);
  }
}

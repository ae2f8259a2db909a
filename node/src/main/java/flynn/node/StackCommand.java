package flynn.node;

import flynn.host.runc.RuncConfig;
import flynn.host.stack.StackConfig;
import flynn.host.stack.StackLayer;
import flynn.host.stack.Stacks;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flynn-host stack build}: makes the Debian stack images jobs run in. */
@Command(
    name = "stack",
    mixinStandardHelpOptions = true,
    description = "Manage the stack images jobs run in.",
    subcommands = {StackCommand.Build.class})
final class StackCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "build",
      mixinStandardHelpOptions = true,
      description =
          "Build a stack image (base, run, build or an appliance's) with debootstrap and apt from this machine's"
              + " apt sources; layers already built are kept unless --rebuild.")
  static final class Build implements Callable<Integer> {
    @Parameters(
        index = "0",
        arity = "0..1",
        defaultValue = "run",
        paramLabel = "STACK",
        description =
            "The stack to build: base, run, build, postgres, redis or mariadb (default"
                + " ${DEFAULT-VALUE}).")
    String stack;

    @Option(
        names = "--state-dir",
        description = "Where state is kept (default /var/lib/flynn as root, ~/.flynn otherwise).")
    Path stateDir;

    @Option(
        names = "--stack-dir",
        description = "Where stacks are kept (default <state-dir>/stacks).")
    Path stackDir;

    @Option(names = "--rebuild", description = "Build every layer of the stack again.")
    boolean rebuild;

    @Override
    public Integer call() throws Exception {
      if (!Defaults.runningAsRoot()) {
        throw new IllegalStateException(
            "stack build needs root (debootstrap, chroot and mounts): run it as root");
      }
      Path dir = Defaults.stackDir(stackDir, Defaults.stateDir(stateDir));
      PrintWriter out = new PrintWriter(System.out, true);
      Stacks stacks = new Stacks(StackConfig.defaults(dir, RuncConfig.APP_UID), Clock.systemUTC());
      stacks.build(StackLayer.named(stack), rebuild, out::println);
      return 0;
    }
  }
}

package flynn.host.runc;

import com.fasterxml.jackson.annotation.JsonProperty;
import flynn.api.Json;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * runc's command line, always with this runner's own {@code --root}, so it never sees (or touches)
 * containers that are not ours.
 */
final class RuncCli {
  /** One row of {@code runc list --format json}. */
  record Listed(@JsonProperty("id") String id, @JsonProperty("status") String status) {}

  private final String runc;
  private final String root;

  RuncCli(String runc, String root) {
    this.runc = runc;
    this.root = root;
  }

  /**
   * Starts {@code runc run --keep} in the foreground, in its own session: its exit status is the
   * container's, and the stopped container stays until {@link #delete} so its cgroup can be read.
   */
  Process run(BundleDir bundle, String id) throws IOException {
    return new ProcessBuilder(runCommand(bundle, id))
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .start();
  }

  private List<String> runCommand(BundleDir bundle, String id) {
    return List.of(
        Tools.SETSID,
        runc,
        "--root",
        root,
        "run",
        "--keep",
        "--bundle",
        bundle.dir().toString(),
        id);
  }

  /**
   * As {@link #run}, for an attached job: on {@code terminal} (runc then copies between it and the
   * container's own terminal, and resizes that one to it on SIGWINCH), else with stdin a pipe when
   * {@code stdin}. runc only hands the terminal's master to a console socket when it detaches, and
   * a detached container's exit status is lost to us, so runc stays in the foreground.
   */
  Process runAttached(BundleDir bundle, String id, boolean stdin, Pty terminal) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(runCommand(bundle, id));
    if (terminal != null) {
      File tty = new File(terminal.slavePath());
      return builder
          .redirectInput(ProcessBuilder.Redirect.from(tty))
          .redirectOutput(ProcessBuilder.Redirect.appendTo(tty))
          .redirectError(ProcessBuilder.Redirect.appendTo(tty))
          .start();
    }
    if (!stdin) {
      builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    }
    return builder.start();
  }

  /** Signals the container's init; false when runc could not (no such or no running container). */
  boolean kill(String id, String signal) throws IOException {
    return Command.run(List.of(runc, "--root", root, "kill", id, signal)).ok();
  }

  /** Force-deletes the container (killing what still runs); false when it did not exist. */
  boolean delete(String id) throws IOException {
    if (!exists(id)) {
      return false; // runc delete -f succeeds for unknown ids too
    }
    Command.check(List.of(runc, "--root", root, "delete", "-f", id));
    return true;
  }

  /** From runc's state dir ({@code <root>/<id>}), without running runc. */
  boolean exists(String id) {
    return Files.isDirectory(Path.of(root, id));
  }

  List<Listed> list() throws IOException {
    Command.Result result =
        Command.check(List.of(runc, "--root", root, "list", "--format", "json"));
    String json = result.stdout().strip();
    if (json.isEmpty() || json.equals("null")) {
      return List.of();
    }
    return Arrays.asList(Json.mapper().readValue(json, Listed[].class));
  }
}

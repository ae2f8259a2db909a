package flynn.cli.git;

import flynn.api.config.GitCredentials;
import flynn.cli.Session;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code flynn git-credentials <operation>}: git's credential helper protocol. {@code get} answers
 * with the key of the cluster whose git URL git is talking to; {@code store} and {@code erase} are
 * ignored (the key lives in the CLI config). Prints nothing for any other host, so git asks the
 * next helper.
 */
@Command(
    name = "git-credentials",
    description = "Git credential helper: gives git the cluster key for a cluster's git URL.")
public final class GitCredentialsCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "<operation>", description = "get, store or erase")
  String operation;

  private final Session session;
  private final InputStream stdin;

  public GitCredentialsCommand(Session session, InputStream stdin) {
    this.session = session;
    this.stdin = stdin;
  }

  @Override
  public Integer call() throws IOException {
    Map<String, String> request = read(stdin);
    if (!operation.equals("get")) {
      return 0;
    }
    GitCredentials.answer(request, session.config().clusters()).ifPresent(session::print);
    return 0;
  }

  /** The {@code key=value} lines git writes, up to a blank line or the end. */
  static Map<String, String> read(InputStream in) throws IOException {
    Map<String, String> request = new LinkedHashMap<>();
    BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    for (String line; (line = lines.readLine()) != null && !line.isEmpty(); ) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        request.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return request;
  }
}

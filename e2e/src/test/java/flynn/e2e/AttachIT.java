package flynn.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code flynn run} attached, as a user runs it: through a real pty ({@code script}) for a TTY
 * session, and with pipes; the job's exit status becomes the CLI's.
 */
class AttachIT {
  private static final String RELEASE_JSON =
      """
      {"processes": {"web": {"args": ["sleep", "1000"]}}}
      """;

  @RegisterExtension final Clusters clusters = new Clusters();
  private Cluster cluster;

  @BeforeEach
  void up() throws Exception {
    Machine.assumeContainers("AttachIT");
    cluster = clusters.startWithContainers();
    cluster.createApp("demo", RELEASE_JSON);
  }

  @Test
  void anInteractiveShellOnATtyAnswersAndItsExitCodeIsTheCli() throws Exception {
    String shell = Files.isExecutable(Path.of("/bin/bash")) ? "bash" : "sh";
    Process script =
        shell("script -qfec '" + flynn() + " -a demo run " + shell + "' /dev/null", false);
    StringBuffer seen = collect(script.getInputStream());
    OutputStream keys = script.getOutputStream();
    try {
      await().atMost(Duration.ofSeconds(30)).until(() -> seen.toString().contains("$ "));
      type(keys, "echo h''i\r");
      await().atMost(Duration.ofSeconds(10)).until(() -> seen.toString().contains("\nhi\r"));
      type(keys, "exit 3\r");

      assertThat(script.waitFor(20, TimeUnit.SECONDS)).as(seen.toString()).isTrue();
      assertThat(script.exitValue()).as(seen.toString()).isEqualTo(3);
    } finally {
      script.destroyForcibly();
    }
  }

  @Test
  void pipedInputReachesTheJobAndItsOutputComesBack() throws Exception {
    Process p = shell("echo hi | " + flynn() + " -a demo run cat", true);
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    assertThat(out).isEqualTo("hi\n");
  }

  @Test
  void theJobsExitStatusIsTheCliExitStatus() {
    Cluster.Result result = cluster.flynn("-a", "demo", "run", "sh", "-c", "exit 7");

    assertThat(result.exit()).as(result.err()).isEqualTo(7);
  }

  private String flynn() {
    return Cluster.ROOT.resolve("bin/flynn").toString();
  }

  private Process shell(String command, boolean closeInput) throws IOException {
    ProcessBuilder pb =
        new ProcessBuilder("sh", "-c", command)
            .directory(cluster.workDir.toFile())
            .redirectErrorStream(true);
    pb.environment().put("FLYNNRC", cluster.flynnrc.toString());
    pb.environment().put("TERM", "dumb");
    Process p = pb.start();
    if (closeInput) {
      p.getOutputStream().close();
    }
    return p;
  }

  private static void type(OutputStream keys, String text) throws IOException {
    keys.write(text.getBytes(StandardCharsets.UTF_8));
    keys.flush();
  }

  private static StringBuffer collect(InputStream in) {
    StringBuffer seen = new StringBuffer();
    Thread.ofVirtual()
        .name("attach-it-output")
        .start(() -> {
          byte[] buf = new byte[4096];
          try (in) {
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
              seen.append(new String(buf, 0, n, StandardCharsets.UTF_8));
            }
          } catch (IOException e) {
            // the process ended
          }
        });
    return seen;
  }
}

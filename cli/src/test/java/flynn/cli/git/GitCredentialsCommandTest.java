package flynn.cli.git;

import static org.assertj.core.api.Assertions.assertThat;

import flynn.api.config.Cluster;
import flynn.api.config.FlynnRc;
import flynn.cli.CliRun;
import flynn.cli.Environment;
import flynn.cli.Io;
import flynn.cli.Session;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GitCredentialsCommandTest {
  @TempDir Path dir;

  private String run(String operation, String stdin) {
    Path rc = dir.resolve("flynnrc");
    FlynnRc.upsertCluster(
        rc,
        Cluster.of("default", "s3cret", "", "http://127.0.0.1:8081", "http://git.localhost:80", ""),
        true);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
    Io io = new Io(print, print, CliRun.NO_TERMINAL, Clock.systemUTC());
    Session session =
        new Session(io, new Environment(Map.of("FLYNNRC", rc.toString()), dir, dir), () -> null);
    GitCredentialsCommand command =
        new GitCredentialsCommand(
            session, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    assertThat(new CommandLine(command).execute(operation)).isZero();
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void getGivesTheClusterKeyAsThePasswordForItsGitHost() {
    assertThat(run("get", "protocol=http\nhost=git.localhost:80\n\n"))
        .isEqualTo("protocol=http\nhost=git.localhost:80\nusername=flynn\npassword=s3cret\n");
  }

  @Test
  void getForAnotherHostAndStoreOrEraseSayNothing() {
    assertThat(run("get", "protocol=https\nhost=github.com\n\n")).isEmpty();
    assertThat(run("store", "protocol=http\nhost=git.localhost:80\npassword=x\n\n")).isEmpty();
    assertThat(run("erase", "protocol=http\nhost=git.localhost:80\n\n")).isEmpty();
  }
}

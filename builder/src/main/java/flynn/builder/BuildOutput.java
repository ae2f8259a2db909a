package flynn.builder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/** Reads what the build job wrote to stdout into files under a directory. */
public final class BuildOutput {
  private BuildOutput() {}

  /**
   * The build's result, its files written under {@code dir}.
   *
   * @throws BuildFailedException when the output holds no slug (the build failed; its reason is in
   *     the log the job wrote to stderr)
   */
  public static BuildResult read(InputStream stdout, Path dir) throws IOException {
    throw new UnsupportedOperationException("builder: not implemented yet");
  }
}

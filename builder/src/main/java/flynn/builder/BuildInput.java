package flynn.builder;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * The slugbuilder's input: the build job's command, and the tar written to its stdin (the source,
 * the cache, the env dir, the built-in buildpacks and the build script). The job runs in the {@code
 * build} stack; it writes its log to stderr and {@link BuildOutput}'s tar to stdout.
 */
public final class BuildInput {
  private BuildInput() {}

  /** The build job's args. */
  public static List<String> command() {
    throw new UnsupportedOperationException("builder: not implemented yet");
  }

  /** Writes the build's input tar for {@code request} to {@code stdin} (not closed). */
  public static void write(BuildRequest request, OutputStream stdin) throws IOException {
    throw new UnsupportedOperationException("builder: not implemented yet");
  }
}

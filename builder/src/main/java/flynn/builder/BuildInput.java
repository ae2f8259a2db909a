package flynn.builder;

import flynn.builder.BuilderFiles.BuilderFile;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The slugbuilder's input: the build job's command, and the tar written to its stdin (the source,
 * the cache, the env dir, the built-in buildpacks and the build script). The job runs in the {@code
 * build} stack; it writes its log to stderr and {@link BuildOutput}'s tar to stdout.
 *
 * <p>The tar holds {@code builder/} (the build script, its helpers and the built-in buildpacks),
 * {@code source.tar}, {@code cache.tgz} (when there is one), {@code env/<NAME>} (one file per env
 * var: Heroku's ENV_DIR) and {@code SOURCE_VERSION}. The command unpacks it into a new dir under
 * {@code $TMPDIR} and runs {@code builder/build} there.
 */
public final class BuildInput {
  /** Unpacks stdin into a fresh work dir, then hands over to the build script. */
  private static final String BOOTSTRAP =
      "set -e; work=$(mktemp -d \"${TMPDIR:-/tmp}/build.XXXXXX\"); "
          + "tar -x -C \"$work\" -f -; exec \"$work/builder/build\" \"$work\"";

  // An env dir file per var: a name that is a plain file name, nothing that could leave env/.
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z0-9_.-]+");

  private static final int FILE = 0644;

  private BuildInput() {}

  /** The build job's args. */
  public static List<String> command() {
    return List.of("/bin/bash", "-c", BOOTSTRAP);
  }

  /** Writes the build's input tar for {@code request} to {@code stdin} (not closed). */
  public static void write(BuildRequest request, OutputStream stdin) throws IOException {
    TarWriter tar = new TarWriter(stdin);
    for (BuilderFile file : BuilderFiles.all()) {
      tar.file("builder/" + file.path(), file.mode(), file.content());
    }
    tar.file("source.tar", FILE, request.source());
    if (request.cache().isPresent()) {
      tar.file("cache.tgz", FILE, request.cache().get());
    }
    for (Map.Entry<String, String> env : request.env().entrySet()) {
      if (isEnvFileName(env.getKey())) {
        tar.file("env/" + env.getKey(), FILE, env.getValue());
      }
    }
    tar.file("SOURCE_VERSION", FILE, request.sourceVersion());
    tar.finish();
  }

  static boolean isEnvFileName(String name) {
    return ENV_NAME.matcher(name).matches() && !name.equals(".") && !name.equals("..");
  }
}

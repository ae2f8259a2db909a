package flynn.builder;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads what the build job wrote to stdout into files under a directory: {@code slug.tgz}, {@code
 * cache.tgz}, {@code Procfile}, {@code release.yml} and {@code buildpack}, or only {@code error}
 * when the build failed.
 */
public final class BuildOutput {
  static final String SLUG = "slug.tgz";
  static final String CACHE = "cache.tgz";
  static final String PROCFILE = "Procfile";
  static final String RELEASE = "release.yml";
  static final String BUILDPACK = "buildpack";
  static final String ERROR = "error";

  private static final Set<String> FILES = Set.of(SLUG, CACHE, PROCFILE, RELEASE, BUILDPACK, ERROR);

  private BuildOutput() {}

  /**
   * The build's result, its files written under {@code dir}. Reads {@code stdout} to its end.
   *
   * @throws BuildFailedException when the output holds no slug (the build failed; its reason is in
   *     the log the job wrote to stderr)
   */
  public static BuildResult read(InputStream stdout, Path dir) throws IOException {
    Files.createDirectories(dir);
    unpack(stdout, dir);
    stdout.transferTo(OutputStream.nullOutputStream());
    Path slug = dir.resolve(SLUG);
    if (!Files.isRegularFile(slug)) {
      throw new BuildFailedException(failure(dir));
    }
    Path cache = dir.resolve(CACHE);
    return new BuildResult(
        slug,
        Files.isRegularFile(cache) ? Optional.of(cache) : Optional.empty(),
        processTypes(dir),
        text(dir.resolve(BUILDPACK)).orElse("unknown").strip());
  }

  /** Only the known files, by their plain names: nothing in the tar can write elsewhere. */
  private static void unpack(InputStream stdout, Path dir) throws IOException {
    TarArchiveInputStream tar = new TarArchiveInputStream(stdout, StandardCharsets.UTF_8.name());
    for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
      String name = e.getName().startsWith("./") ? e.getName().substring(2) : e.getName();
      if (e.isFile() && FILES.contains(name)) {
        Files.copy(tar, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  /** The Procfile's types, else the buildpack's defaults (as Flynn's slugbuilder did). */
  static Map<String, String> processTypes(Path dir) throws IOException {
    Map<String, String> procfile =
        text(dir.resolve(PROCFILE)).map(Procfile::parse).orElse(Map.of());
    if (!procfile.isEmpty()) {
      return procfile;
    }
    return text(dir.resolve(RELEASE)).map(ReleaseYaml::defaultProcessTypes).orElse(Map.of());
  }

  private static String failure(Path dir) throws IOException {
    return text(dir.resolve(ERROR))
        .map(String::strip)
        .filter(message -> !message.isEmpty())
        .orElse("the build produced no slug; see its output above");
  }

  private static Optional<String> text(Path file) throws IOException {
    return Files.isRegularFile(file)
        ? Optional.of(Files.readString(file, StandardCharsets.UTF_8))
        : Optional.empty();
  }
}

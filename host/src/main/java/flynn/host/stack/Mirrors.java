package flynn.host.stack;

import java.util.List;
import java.util.Optional;

/**
 * The Debian mirrors a stack is built from, taken from the machine's own apt sources: the archive
 * serving the release (say {@code bookworm}) and, when the machine has one, its security archive.
 */
public record Mirrors(String release, String archive, Optional<String> security) {
  /**
   * The first http(s) source serving {@code release}, and the first serving {@code
   * <release>-security}.
   *
   * @throws IllegalStateException when no source serves the release, with what to add
   */
  public static Mirrors choose(List<AptSource> sources, String release) {
    String archive =
        firstHttp(sources, release)
            .orElseThrow(() ->
                new IllegalStateException(
                    "no http(s) Debian mirror for "
                        + release
                        + " in /etc/apt/sources.list or /etc/apt/sources.list.d/: the stack"
                        + " image is built from the machine's own apt sources; add one (deb"
                        + " <mirror> "
                        + release
                        + " main)"));
    return new Mirrors(release, archive, firstHttp(sources, release + "-security"));
  }

  private static Optional<String> firstHttp(List<AptSource> sources, String suite) {
    return sources.stream()
        .filter(source -> source.serves(suite))
        .flatMap(source -> source.uris().stream())
        .filter(Mirrors::isHttp)
        .findFirst();
  }

  private static boolean isHttp(String uri) {
    return uri.startsWith("http://") || uri.startsWith("https://");
  }

  /** The stack's own {@code /etc/apt/sources.list}: the release, its updates and security. */
  public String sourcesList() {
    StringBuilder list = new StringBuilder();
    list.append("deb ").append(archive).append(' ').append(release).append(" main\n");
    list.append("deb ").append(archive).append(' ').append(release).append("-updates main\n");
    security.ifPresent(uri ->
        list.append("deb ").append(uri).append(' ').append(release).append("-security main\n"));
    return list.toString();
  }
}

package flynn.host.stack;

import java.util.List;

/**
 * One entry of the machine's apt sources, in either format: the archive types ({@code deb}, {@code
 * deb-src}), the mirror URIs, the suites ({@code bookworm}, {@code bookworm-security}) and the
 * components ({@code main}).
 */
public record AptSource(
    List<String> types, List<String> uris, List<String> suites, List<String> components) {
  public AptSource {
    types = List.copyOf(types);
    uris = List.copyOf(uris);
    suites = List.copyOf(suites);
    components = List.copyOf(components);
  }

  /** A binary archive ({@code deb}) that serves {@code suite}. */
  boolean serves(String suite) {
    return types.contains("deb") && suites.contains(suite);
  }
}

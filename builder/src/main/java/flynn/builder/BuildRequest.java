package flynn.builder;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What one build of an app starts from.
 *
 * @param source a tar of the pushed commit ({@code git archive}), entries relative to the repo root
 * @param cache the app's build cache from its previous build (a tar.gz), when it has one
 * @param env the release env, given to buildpacks as an env dir
 * @param sourceVersion the pushed commit's sha, {@code SOURCE_VERSION} for buildpacks
 */
public record BuildRequest(
    Path source, Optional<Path> cache, Map<String, String> env, String sourceVersion) {}

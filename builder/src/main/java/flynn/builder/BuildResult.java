package flynn.builder;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What a successful build produced.
 *
 * @param slug the slug: a tar.gz whose entries are relative to the root ({@code app/...})
 * @param cache the new build cache (a tar.gz), when the buildpack left one
 * @param processTypes process type to command: the Procfile's, else the buildpack's defaults
 * @param buildpack the name of the buildpack that built it
 */
public record BuildResult(
    Path slug, Optional<Path> cache, Map<String, String> processTypes, String buildpack) {}

package flynn.blobstore;

import java.nio.file.Path;

/**
 * How the blobstore runs: where it listens (port 0 picks a free one), the cluster key (null: no
 * authentication) and the directory it keeps objects in.
 */
public record BlobstoreConfig(String host, int port, String key, Path root) {}

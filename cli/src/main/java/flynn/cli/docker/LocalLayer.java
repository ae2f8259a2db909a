package flynn.cli.docker;

import java.nio.file.Path;

/** One layer blob of a local image: its file, SHA-256 (hex), size and OCI media type. */
public record LocalLayer(Path file, String sha256, long size, String mediaType) {}

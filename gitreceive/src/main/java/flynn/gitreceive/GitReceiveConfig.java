package flynn.gitreceive;

import java.nio.file.Path;

/**
 * Where gitreceive listens and keeps its repositories.
 *
 * @param key the cluster key pushers give as their HTTP Basic password (any user)
 * @param repoDir the apps' bare repositories, {@code <state-dir>/git}
 */
public record GitReceiveConfig(String host, int port, String key, Path repoDir) {}

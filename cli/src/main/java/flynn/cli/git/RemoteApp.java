package flynn.cli.git;

import flynn.api.config.Cluster;

/** An app found in a git remote whose URL is {@code <cluster GitURL>/<app>.git}. */
public record RemoteApp(String remote, Cluster cluster, String app) {}

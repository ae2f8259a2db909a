package flynn.node;

import flynn.api.config.Cluster;
import flynn.api.config.FlynnRc;

/** Adds or updates this cluster's entry in the CLI config and makes it the default. */
final class CliConfig {
  private CliConfig() {}

  static void register(NodeConfig config, String key) {
    FlynnRc.upsertCluster(
        config.flynnrc(),
        Cluster.of(config.clusterName(), key, "", config.controllerUrl(), config.gitUrl(), ""),
        true);
  }
}

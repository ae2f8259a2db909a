package flynn.node;

import flynn.api.config.Cluster;
import flynn.api.config.FlynnRc;

/**
 * Adds or updates this cluster's entry in the CLI config and makes it the default. Its image URL is
 * the blobstore, where {@code flynn docker push} uploads layers.
 */
final class CliConfig {
  private CliConfig() {}

  static void register(NodeConfig config, String key, String imageUrl) {
    FlynnRc.upsertCluster(
        config.flynnrc(),
        Cluster.of(
            config.clusterName(), key, "", config.controllerUrl(), config.gitUrl(), imageUrl),
        true);
  }
}

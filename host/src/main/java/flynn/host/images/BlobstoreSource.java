package flynn.host.images;

import flynn.api.blobstore.BlobstoreClient;
import flynn.api.discoverd.DiscoverdClient;
import flynn.api.discoverd.Instance;
import flynn.api.host.Mountspec;
import flynn.api.http.ApiException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;

/**
 * Fetches layers from the blobstore. A URL on {@code blobstore.discoverd} (how artifacts name it,
 * whatever port it has today) goes to an instance of the {@code blobstore} service in discoverd.
 */
public final class BlobstoreSource implements BlobSource {
  static final String DISCOVERD_HOST = "blobstore.discoverd";
  private static final String SERVICE = "blobstore";

  private final DiscoverdClient discoverd;
  private final String key;

  /**
   * @param key the cluster key, or null
   */
  public BlobstoreSource(DiscoverdClient discoverd, String key) {
    this.discoverd = discoverd;
    this.key = key;
  }

  @Override
  public InputStream open(Mountspec layer) {
    URI url = URI.create(layer.url());
    String origin = url.getScheme() + "://" + authority(url);
    return new BlobstoreClient(origin, key).open(url.getRawPath());
  }

  private String authority(URI url) {
    if (!DISCOVERD_HOST.equals(url.getHost())) {
      return url.getRawAuthority();
    }
    List<Instance> instances = discoverd == null ? List.of() : discoverd.instances(SERVICE);
    if (instances.isEmpty()) {
      throw ApiException.unavailable("no blobstore is registered in discoverd");
    }
    return instances.get(0).addr();
  }
}

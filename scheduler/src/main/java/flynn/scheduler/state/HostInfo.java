package flynn.scheduler.state;

import flynn.api.discoverd.Instance;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A host as discoverd announces it in service {@code flynn-host}: id, API URL, tags. */
public record HostInfo(String id, String url, Map<String, String> tags) {
  public static final String SERVICE = "flynn-host";
  private static final String TAG_PREFIX = "tag:";

  public HostInfo {
    tags = Map.copyOf(tags);
  }

  /** Empty for an instance without the {@code id} meta Flynn hosts register with. */
  public static Optional<HostInfo> from(Instance instance) {
    Map<String, String> meta = instance.meta() == null ? Map.of() : instance.meta();
    String id = meta.get("id");
    if (id == null || id.isEmpty() || instance.addr() == null) {
      return Optional.empty();
    }
    Map<String, String> tags = new HashMap<>();
    meta.forEach((k, v) -> {
      if (k.startsWith(TAG_PREFIX) && v != null) {
        tags.put(k.substring(TAG_PREFIX.length()), v);
      }
    });
    return Optional.of(new HostInfo(id, "http://" + instance.addr(), tags));
  }
}

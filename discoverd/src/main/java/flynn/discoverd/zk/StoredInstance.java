package flynn.discoverd.zk;

import flynn.api.Json;
import flynn.api.discoverd.Instance;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.zookeeper.data.Stat;

/**
 * An instance as a znode: the JSON of the instance without its index, which is the znode's creation
 * zxid instead. That zxid is unique, grows with registration order, and stays the same across
 * heartbeats (which only rewrite the data) until the instance expires.
 */
public final class StoredInstance {
  private StoredInstance() {}

  public static byte[] encode(Instance inst) {
    return Json.writeBytes(new Instance(inst.id(), inst.addr(), inst.proto(), inst.meta(), null));
  }

  public static Instance decode(byte[] data, Stat stat) {
    try {
      Instance i = Json.mapper().readValue(data, Instance.class);
      return new Instance(i.id(), i.addr(), i.proto(), i.meta(), stat.getCzxid());
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable instance znode", e);
    }
  }
}

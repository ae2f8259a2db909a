package flynn.discoverd.zk;

import flynn.api.Json;
import flynn.api.discoverd.Instance;
import flynn.api.discoverd.ServiceConfig;
import flynn.api.http.ApiException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Services and instances in ZooKeeper: every read and write of the HTTP API, nothing else. Reads go
 * to ZooKeeper directly, so a client sees its own writes at once.
 */
public final class ServiceStore {
  private static final Logger LOG = LoggerFactory.getLogger(ServiceStore.class);
  private static final int REGISTER_ATTEMPTS = 3;

  private final CuratorFramework curator;

  public ServiceStore(CuratorFramework curator) {
    this.curator = curator;
  }

  /** Creates the parent nodes once; safe to call on every start of every server. */
  public void init() {
    try {
      curator.create().creatingParentsIfNeeded().forPath(ZkPaths.SERVICES);
    } catch (KeeperException.NodeExistsException e) {
      // created by an earlier start or another server
    } catch (Exception e) {
      throw failure("create " + ZkPaths.SERVICES, e);
    }
  }

  public void addService(String service, ServiceConfig config) {
    try {
      curator.create().forPath(ZkPaths.service(service), Json.writeBytes(config));
      LOG.info("service added service={} leader_type={}", service, config.leaderType());
    } catch (KeeperException.NodeExistsException e) {
      throw ApiException.exists("service already exists: " + service);
    } catch (Exception e) {
      throw failure("add service " + service, e);
    }
  }

  public void removeService(String service) {
    try {
      curator.delete().deletingChildrenIfNeeded().forPath(ZkPaths.service(service));
      LOG.info("service removed service={}", service);
    } catch (KeeperException.NoNodeException e) {
      throw ApiException.notFound("service", service);
    } catch (Exception e) {
      throw failure("remove service " + service, e);
    }
  }

  public Optional<ServiceConfig> config(String service) {
    try {
      byte[] data = curator.getData().forPath(ZkPaths.service(service));
      return Optional.of(Json.mapper().readValue(data, ServiceConfig.class));
    } catch (KeeperException.NoNodeException e) {
      return Optional.empty();
    } catch (Exception e) {
      throw failure("read service " + service, e);
    }
  }

  /**
   * Registers the instance, or refreshes it (a heartbeat) if it is registered already.
   *
   * @return the zxid of the write, to wait for it in this server's {@link Feed}
   */
  public long register(String service, Instance inst) {
    byte[] data = StoredInstance.encode(inst);
    String path = ZkPaths.instance(service, inst.id());
    for (int attempt = 0; attempt < REGISTER_ATTEMPTS; attempt++) {
      OptionalLong zxid = create(service, path, data);
      if (zxid.isEmpty()) {
        zxid = refresh(path, data);
      }
      if (zxid.isPresent()) {
        return zxid.getAsLong();
      }
    }
    throw ApiException.conflict(
        "instance " + inst.id() + " of " + service + " kept changing while registering; retry");
  }

  /** Deregisters the instance; deregistering one that is gone already is fine. */
  public void deregister(String service, String id) {
    try {
      curator.delete().forPath(ZkPaths.instance(service, id));
      LOG.info("instance deregistered service={} id={}", service, id);
    } catch (KeeperException.NoNodeException e) {
      requireService(service);
    } catch (Exception e) {
      throw failure("deregister " + service + "/" + id, e);
    }
  }

  /** The service's instances, oldest (lowest index) first; 404 when the service does not exist. */
  public List<Instance> instances(String service) {
    List<String> ids;
    try {
      ids = curator.getChildren().forPath(ZkPaths.service(service));
    } catch (KeeperException.NoNodeException e) {
      throw ApiException.notFound("service", service);
    } catch (Exception e) {
      throw failure("list instances of " + service, e);
    }
    List<Instance> found = new ArrayList<>();
    for (String id : ids) {
      read(service, id).ifPresent(found::add);
    }
    found.sort(Comparator.comparing(Instance::index));
    return found;
  }

  /**
   * Removes an instance unless it was re-registered since {@code version} was seen.
   *
   * @return whether it was removed
   */
  public boolean expire(String service, String id, int version) {
    try {
      curator.delete().withVersion(version).forPath(ZkPaths.instance(service, id));
      return true;
    } catch (KeeperException.BadVersionException | KeeperException.NoNodeException e) {
      return false;
    } catch (Exception e) {
      throw failure("expire " + service + "/" + id, e);
    }
  }

  /** The zxid of the new node, empty if it exists already. */
  private OptionalLong create(String service, String path, byte[] data) {
    Stat stat = new Stat();
    try {
      curator.create().storingStatIn(stat).forPath(path, data);
      LOG.info("instance registered service={} path={}", service, path);
      return OptionalLong.of(stat.getMzxid());
    } catch (KeeperException.NodeExistsException e) {
      return OptionalLong.empty();
    } catch (KeeperException.NoNodeException e) {
      throw ApiException.notFound("service", service);
    } catch (Exception e) {
      throw failure("register at " + path, e);
    }
  }

  /** The zxid of the write, empty when the instance expired since the create was tried. */
  private OptionalLong refresh(String path, byte[] data) {
    try {
      return OptionalLong.of(curator.setData().forPath(path, data).getMzxid());
    } catch (KeeperException.NoNodeException e) {
      return OptionalLong.empty();
    } catch (Exception e) {
      throw failure("heartbeat at " + path, e);
    }
  }

  private Optional<Instance> read(String service, String id) {
    Stat stat = new Stat();
    try {
      byte[] data = curator.getData().storingStatIn(stat).forPath(ZkPaths.instance(service, id));
      return Optional.of(StoredInstance.decode(data, stat));
    } catch (KeeperException.NoNodeException e) {
      return Optional.empty();
    } catch (Exception e) {
      throw failure("read instance " + service + "/" + id, e);
    }
  }

  private void requireService(String service) {
    try {
      if (curator.checkExists().forPath(ZkPaths.service(service)) == null) {
        throw ApiException.notFound("service", service);
      }
    } catch (ApiException e) {
      throw e;
    } catch (Exception e) {
      throw failure("read service " + service, e);
    }
  }

  private static RuntimeException failure(String what, Exception e) {
    if (e instanceof InterruptedException) {
      Thread.currentThread().interrupt();
    }
    if (e instanceof KeeperException.ConnectionLossException
        || e instanceof KeeperException.SessionExpiredException
        || e instanceof KeeperException.OperationTimeoutException
        || e instanceof InterruptedException) {
      return ApiException.unavailable("zookeeper unavailable, cannot " + what + ": " + e);
    }
    return new IllegalStateException("zookeeper failed to " + what + ": " + e, e);
  }
}

package flynn.appliances.platform;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A shared server run as an app of the platform, created on the first provision. One lock per
 * appliance: concurrent first provisions create it once, the others wait for the same server.
 */
public final class PlatformAppliance implements Appliance {
  private final AppliancePlatform platform;
  private final ApplianceSpec spec;
  private final Supplier<Map<String, String>> firstEnv;
  private final BiFunction<ServerAddress, Map<String, String>, Superuser> superuserFrom;
  private final Predicate<Superuser> acceptsLogin;
  private final Duration startTimeout;
  private final ReentrantLock lock = new ReentrantLock();

  /**
   * @param firstEnv the env of the first release, with a superuser password made once
   * @param superuserFrom the superuser a release's env names, at an address
   * @param acceptsLogin whether the server lets that superuser in
   */
  public PlatformAppliance(
      AppliancePlatform platform,
      ApplianceSpec spec,
      Supplier<Map<String, String>> firstEnv,
      BiFunction<ServerAddress, Map<String, String>, Superuser> superuserFrom,
      Predicate<Superuser> acceptsLogin,
      Duration startTimeout) {
    this.platform = platform;
    this.spec = spec;
    this.firstEnv = firstEnv;
    this.superuserFrom = superuserFrom;
    this.acceptsLogin = acceptsLogin;
    this.startTimeout = startTimeout;
  }

  @Override
  public Optional<Superuser> existingSuperuser() {
    lock.lock();
    try {
      return platform.exists(spec.app()) ? Optional.of(superuser()) : Optional.empty();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public Superuser superuser() {
    lock.lock();
    try {
      Map<String, String> env = platform.ensure(spec, firstEnv);
      ServerAddress address =
          platform.awaitServer(
              spec.service(), startTimeout, a -> acceptsLogin.test(superuserFrom.apply(a, env)));
      return superuserFrom.apply(address, env);
    } finally {
      lock.unlock();
    }
  }
}

package flynn.gitreceive.push;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One build per app at a time: a second push while a build runs is refused, not queued, so the
 * pusher knows at once and the release that results is always the last one pushed.
 */
public final class AppBuildLocks {
  private final Set<String> building = ConcurrentHashMap.newKeySet();

  /** Held while an app builds; closing it lets the next push in. */
  public interface Held extends AutoCloseable {
    @Override
    void close();
  }

  /** The app's lock, or empty when a build of it runs. */
  public Optional<Held> tryLock(String appId) {
    if (!building.add(appId)) {
      return Optional.empty();
    }
    return Optional.of(() -> building.remove(appId));
  }
}

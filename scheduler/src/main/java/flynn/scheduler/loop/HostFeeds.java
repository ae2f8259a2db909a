package flynn.scheduler.loop;

import flynn.api.Json;
import flynn.api.host.HostClient;
import flynn.api.host.HostEvent;
import flynn.api.http.SseStream;
import flynn.scheduler.io.Backoff;
import flynn.scheduler.io.StreamFollower;
import flynn.scheduler.state.HostInfo;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * One job event stream per live host. On each (re)connect it lists the host's jobs, so a reconnect
 * never misses a change. Used from the loop thread only.
 */
final class HostFeeds implements AutoCloseable {
  private record Feed(HostClient client, StreamFollower follower) {}

  private final String key;
  private final Backoff backoff;
  private final Consumer<Input> inputs;
  private final Map<String, Feed> feeds = new HashMap<>();

  HostFeeds(String key, Backoff backoff, Consumer<Input> inputs) {
    this.key = key;
    this.backoff = backoff;
    this.inputs = inputs;
  }

  void follow(HostInfo host) {
    unfollow(host.id());
    HostClient client = new HostClient(host.url(), key);
    var follower =
        new StreamFollower(
            "scheduler-host-" + host.id(),
            client::streamEvents,
            handler(host.id(), client),
            backoff);
    feeds.put(host.id(), new Feed(client, follower));
    follower.start();
  }

  void unfollow(String hostId) {
    Feed feed = feeds.remove(hostId);
    if (feed != null) {
      feed.follower().close();
    }
  }

  /**
   * Lists every followed host's jobs again. The loop asks for it once the controller's active jobs
   * are loaded, so a listing taken before them cannot leave stale jobs believed running.
   */
  void relistAll(Executor executor) {
    feeds.forEach((hostId, feed) ->
        executor.execute(() -> {
          try {
            inputs.accept(new Input.HostJobsListed(hostId, feed.client().listJobs()));
          } catch (RuntimeException e) {
            // the host's stream reconnects and lists again
          }
        }));
  }

  Optional<HostClient> client(String hostId) {
    return Optional.ofNullable(feeds.get(hostId)).map(Feed::client);
  }

  private StreamFollower.Handler handler(String hostId, HostClient client) {
    return new StreamFollower.Handler() {
      @Override
      public void connected() {
        inputs.accept(new Input.HostJobsListed(hostId, client.listJobs()));
      }

      @Override
      public void event(SseStream.Event event) {
        inputs.accept(new Input.HostJobEvent(hostId, Json.read(event.data(), HostEvent.class)));
      }
    };
  }

  @Override
  public void close() {
    feeds.values().forEach(f -> f.follower().close());
    feeds.clear();
  }
}

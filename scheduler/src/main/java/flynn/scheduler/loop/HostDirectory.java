package flynn.scheduler.loop;

import flynn.api.Json;
import flynn.api.discoverd.DiscoverdClient;
import flynn.api.discoverd.ServiceEvent;
import flynn.api.http.SseStream;
import flynn.scheduler.io.Backoff;
import flynn.scheduler.io.StreamFollower;
import flynn.scheduler.state.HostInfo;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Live hosts from discoverd's {@code flynn-host} service: the full list on every (re)connect, then
 * up, update and down events.
 */
final class HostDirectory implements AutoCloseable {
  private final DiscoverdClient discoverd;
  private final Consumer<Input> inputs;
  private final StreamFollower follower;

  HostDirectory(DiscoverdClient discoverd, Backoff backoff, Consumer<Input> inputs) {
    this.discoverd = discoverd;
    this.inputs = inputs;
    this.follower =
        new StreamFollower(
            "scheduler-hosts", () -> discoverd.watch(HostInfo.SERVICE), handler(), backoff);
  }

  void start() {
    follower.start();
  }

  private StreamFollower.Handler handler() {
    return new StreamFollower.Handler() {
      @Override
      public void connected() {
        List<HostInfo> hosts =
            discoverd.instances(HostInfo.SERVICE).stream()
                .map(HostInfo::from)
                .flatMap(Optional::stream)
                .toList();
        inputs.accept(new Input.HostsListed(hosts));
      }

      @Override
      public void event(SseStream.Event event) {
        ServiceEvent e = Json.read(event.data(), ServiceEvent.class);
        Optional<HostInfo> host = Optional.ofNullable(e.instance()).flatMap(HostInfo::from);
        if (host.isEmpty() || e.kind() == null) {
          return;
        }
        switch (e.kind()) {
          case ServiceEvent.UP, ServiceEvent.UPDATE -> inputs.accept(new Input.HostUp(host.get()));
          case ServiceEvent.DOWN -> inputs.accept(new Input.HostDown(host.get().id()));
          default -> {}
        }
      }
    };
  }

  @Override
  public void close() {
    follower.close();
  }
}

package flynn.cli.events;

import flynn.api.Json;
import flynn.api.controller.ControllerClient;
import flynn.api.controller.Event;
import flynn.api.http.SseStream;
import flynn.cli.CliException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Follows an app's controller events ({@code GET /events} as SSE) on a named virtual thread so the
 * caller can wait for the next one with a deadline. Open it before the request whose events you
 * wait for; {@link #close()} ends the stream and the thread.
 */
public final class EventFollower implements AutoCloseable {
  /** What the reader thread hands over: an event, or why the stream ended. */
  private sealed interface Item {}

  private record Received(Event event) implements Item {}

  private record Ended(String why) implements Item {}

  private final SseStream stream;
  private final BlockingQueue<Item> items = new LinkedBlockingQueue<>();
  private final Thread reader;
  private volatile boolean closed;

  private EventFollower(SseStream stream, String name) {
    this.stream = stream;
    this.reader = Thread.ofVirtual().name(name).start(this::read);
  }

  public static EventFollower open(ControllerClient client, String appId, List<String> types) {
    SseStream stream = client.events().stream(appId, types, false, null);
    return new EventFollower(stream, "flynn-events-" + appId);
  }

  /**
   * The next event, or empty when the deadline passes first.
   *
   * @throws CliException when the controller ends the stream
   */
  public Optional<Event> next(Instant deadline, Instant now) {
    long waitMillis = Math.max(0, Duration.between(now, deadline).toMillis());
    Item item;
    try {
      item = items.poll(waitMillis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("interrupted while waiting for events");
    }
    return switch (item) {
      case null -> Optional.empty();
      case Received r -> Optional.of(r.event());
      case Ended e -> throw new CliException("event stream closed unexpectedly: " + e.why());
    };
  }

  @Override
  public void close() {
    closed = true;
    try {
      stream.close();
    } catch (IOException ignored) {
      // closing is best effort; the reader ends either way
    }
    reader.interrupt();
  }

  private void read() {
    String why = "the controller ended it";
    try {
      Optional<SseStream.Event> next;
      while ((next = stream.next()).isPresent()) {
        parse(next.get().data()).ifPresent(e -> items.add(new Received(e)));
      }
    } catch (IOException | UncheckedIOException e) {
      why = String.valueOf(e.getMessage());
    }
    if (!closed) {
      items.add(new Ended(why));
    }
  }

  private static Optional<Event> parse(String data) {
    try {
      return Optional.ofNullable(Json.read(data, Event.class));
    } catch (RuntimeException notAnEvent) {
      return Optional.empty();
    }
  }
}

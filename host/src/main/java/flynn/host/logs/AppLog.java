package flynn.host.logs;

import flynn.api.Json;
import flynn.api.controller.LogLine;
import flynn.host.feed.Feed;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * One app's log on this host: JSON lines appended to a file that is rotated once it would grow past
 * {@code maxFileBytes}, keeping one previous file. Followers are handed each new line as it is
 * written.
 */
final class AppLog implements AutoCloseable {
  /** Live lines a follower may fall behind before its stream is ended. */
  private static final int FOLLOWER_BACKLOG = 10_000;

  private final LogFiles files;
  private final long maxFileBytes;
  private final Feed<LogLine> followers = new Feed<>(FOLLOWER_BACKLOG);
  private FileChannel out;
  private long size;

  AppLog(LogFiles files, long maxFileBytes) {
    this.files = files;
    this.maxFileBytes = maxFileBytes;
  }

  synchronized void append(LogLine line) {
    byte[] bytes = (Json.write(line) + "\n").getBytes(StandardCharsets.UTF_8);
    try {
      if (out == null) {
        open();
      }
      if (Rotation.isDue(size, bytes.length, maxFileBytes)) {
        rotate();
      }
      ByteBuffer buf = ByteBuffer.wrap(bytes);
      while (buf.hasRemaining()) {
        out.write(buf);
      }
      size += bytes.length;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write log " + files.current(), e);
    }
    followers.publish(line);
  }

  /** The last {@code lines} kept lines that match (all of them when {@code lines} is 0). */
  synchronized List<LogLine> tail(LogFilter filter, int lines) {
    ArrayDeque<LogLine> kept = new ArrayDeque<>();
    readInto(files.previous(), filter, lines, kept);
    readInto(files.current(), filter, lines, kept);
    return new ArrayList<>(kept);
  }

  /** The last {@code lines} matching lines and, with no gap or overlap, every one after them. */
  synchronized LogStore.Following follow(LogFilter filter, int lines) {
    List<LogLine> history = tail(filter, lines);
    return new LogStore.Following(history, followers.subscribe(filter::matches));
  }

  private void open() throws IOException {
    Files.createDirectories(files.current().getParent());
    out =
        FileChannel.open(
            files.current(),
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.APPEND);
    size = out.size();
  }

  private void rotate() throws IOException {
    out.close();
    Files.move(files.current(), files.previous(), StandardCopyOption.REPLACE_EXISTING);
    open();
  }

  private static void readInto(
      java.nio.file.Path file, LogFilter filter, int lines, ArrayDeque<LogLine> kept) {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String text;
      while ((text = in.readLine()) != null) {
        LogLine line = parse(text);
        if (line != null && filter.matches(line)) {
          kept.addLast(line);
          if (lines > 0 && kept.size() > lines) {
            kept.removeFirst();
          }
        }
      }
    } catch (NoSuchFileException e) {
      // nothing logged (or rotated) yet
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read log " + file, e);
    }
  }

  /** A line, or null for one cut short by a crash mid-write. */
  private static LogLine parse(String text) {
    try {
      return Json.read(text, LogLine.class);
    } catch (UncheckedIOException e) {
      return null;
    }
  }

  @Override
  public synchronized void close() {
    followers.close();
    try {
      if (out != null) {
        out.close();
        out = null;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

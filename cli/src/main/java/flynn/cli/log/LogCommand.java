package flynn.cli.log;

import com.fasterxml.jackson.databind.MappingIterator;
import flynn.api.Json;
import flynn.api.controller.LogLine;
import flynn.api.controller.LogOptions;
import flynn.cli.CliException;
import flynn.cli.Session;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flynn log [-f] [-j <id>] [-n <lines>] [-r] [-s] [-t <type>] [-i]}. */
@Command(name = "log", description = "Print (and with -f, follow) an app's log.")
public final class LogCommand implements Callable<Integer> {
  @Option(
      names = {"-f", "--follow"},
      description = "stream new lines until interrupted")
  boolean follow;

  @Option(
      names = {"-j", "--job"},
      paramLabel = "<id>",
      description = "filter logs to a specific job ID")
  String job;

  @Option(
      names = {"-n", "--number"},
      paramLabel = "<lines>",
      description = "return at most n lines from the log buffer")
  Integer lines;

  @Option(
      names = {"-r", "--raw-output"},
      description = "output raw log messages with no prefix")
  boolean raw;

  @Option(
      names = {"-s", "--split-stderr"},
      description = "send stderr lines to stderr")
  boolean splitStderr;

  @Option(
      names = {"-t", "--process-type"},
      paramLabel = "<type>",
      description = "filter logs to a specific process type")
  String processType;

  @Option(
      names = {"-i", "--init"},
      description = "output containerinit logs to stderr")
  boolean init;

  private final Session session;

  public LogCommand(Session session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    List<String> streams = new ArrayList<>(LogOptions.STDOUT_AND_STDERR);
    if (init) {
      streams.add("init");
    }
    LogOptions options = new LogOptions(follow, job, lines, processType, streams);
    try (InputStream in = session.client().apps().log(session.app(), options);
        MappingIterator<LogLine> it = Json.mapper().readerFor(LogLine.class).readValues(in)) {
      while (it.hasNextValue()) {
        LogLine line = it.nextValue();
        PrintStream target = target(line.stream());
        if (target != null) {
          target.println(LogFormat.line(line, raw));
        }
      }
    } catch (IOException e) {
      throw new CliException("reading the log failed: " + e.getMessage(), e);
    }
    return 0;
  }

  private PrintStream target(String stream) {
    return switch (String.valueOf(stream)) {
      case "stdout" -> session.io().out();
      case "stderr" -> splitStderr ? session.io().err() : session.io().out();
      case "init" -> init ? session.io().err() : null;
      default -> null;
    };
  }
}

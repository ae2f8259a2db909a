package flynn.cli.db;

import flynn.cli.Session;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The flags dump and restore share: the dump file (stdout or stdin when none) and quiet. */
final class DumpFile {
  @Option(
      names = {"-f", "--file"},
      paramLabel = "<file>",
      description = "name of dump file")
  Path file;

  @Option(
      names = {"-q", "--quiet"},
      description = "don't print progress")
  boolean quiet;

  /** Tells what was done, e.g. "dumped 1.2 MB to db.dump", unless quiet. */
  void report(Session session, String done, long size, String preposition) {
    if (!quiet) {
      session.info(
          done + " " + ByteSize.human(size) + (file == null ? "" : " " + preposition + " " + file));
    }
  }
}

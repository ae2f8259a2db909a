package flynn.cli.db;

import flynn.cli.CliException;
import flynn.cli.Session;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code flynn mysql restore [-q] [-f <file>]}: a dump as the restore job's stdin. */
@Command(name = "restore")
class RestoreCommand implements Callable<Integer> {
  @Mixin DumpFile dumpFile = new DumpFile();

  private final Session session;
  private final InputStream stdin;
  private final DumpTool tool;

  RestoreCommand(Session session, InputStream stdin, DumpTool tool) {
    this.session = session;
    this.stdin = stdin;
    this.tool = tool;
  }

  /** The restore job; a subclass may tune it with its own flags. */
  DbJob job(ResourceEnv env) {
    return tool.restore(env);
  }

  @Override
  public Integer call() throws IOException {
    ApplianceJobs jobs = new ApplianceJobs(session);
    DbJob job = job(jobs.env(tool.appliance()));
    int status;
    long size;
    try (CountingInputStream in = new CountingInputStream(open())) {
      status = jobs.run(tool.appliance(), job, Optional.empty(), in, session.io().out());
      size = in.count();
    }
    if (!tool.restoreFinished(status)) {
      throw new CliException(job.args().get(0) + " failed (exit status " + status + ")");
    }
    if (status != 0) {
      session.info("WARN: the restore skipped errors (exit status " + status + "), see above");
    }
    dumpFile.report(session, "restored", size, "from");
    return 0;
  }

  private InputStream open() throws IOException {
    Path file = dumpFile.file;
    if (file == null) {
      return stdin;
    }
    try {
      return Files.newInputStream(file);
    } catch (NoSuchFileException e) {
      throw new CliException("no such dump file: " + file, e);
    }
  }
}

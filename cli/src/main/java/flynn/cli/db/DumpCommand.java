package flynn.cli.db;

import flynn.cli.CliException;
import flynn.cli.Session;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code flynn pg dump [-q] [-f <file>]} and {@code flynn mysql dump}: binary-safe, atomic. */
@Command(name = "dump")
final class DumpCommand implements Callable<Integer> {
  @Mixin DumpFile dumpFile = new DumpFile();

  private final Session session;
  private final DumpTool tool;

  DumpCommand(Session session, DumpTool tool) {
    this.session = session;
    this.tool = tool;
  }

  Appliance appliance() {
    return tool.appliance();
  }

  @Override
  public Integer call() throws IOException {
    ApplianceJobs jobs = new ApplianceJobs(session);
    DbJob job = tool.dump(jobs.env(tool.appliance()));
    String program = job.args().get(0);
    DumpOutput.Dump dump =
        out ->
            jobs.run(tool.appliance(), job, Optional.empty(), InputStream.nullInputStream(), out);
    Path file = dumpFile.file;
    long size =
        file == null
            ? DumpOutput.toStream(session.io().out(), program, dump)
            : DumpOutput.toFile(file, program, dump);
    if (file == null && session.io().out().checkError()) {
      throw new CliException("could not write the dump to stdout");
    }
    dumpFile.report(session, "dumped", size, "to");
    return 0;
  }
}

package flynn.cli.db;

/** An appliance's dump and restore programs as jobs, built from its resource's env. Pure. */
interface DumpTool extends ConsoleTool {
  /** A job writing the database's dump to its stdout. */
  DbJob dump(ResourceEnv env);

  /** A job reading a dump from its stdin into the database. */
  DbJob restore(ResourceEnv env);

  /** Whether a restore that exited with {@code status} finished, perhaps with warnings. */
  default boolean restoreFinished(int status) {
    return status == 0;
  }
}

package flynn.host.run;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Ends the process groups of jobs a crashed daemon left running. */
public final class Leftovers {
  private static final Logger LOG = LoggerFactory.getLogger(Leftovers.class);

  private Leftovers() {}

  /**
   * Kills the group of {@code ref} if its leader still runs and is the same process (same start
   * time); a pid since reused by an unrelated process is left alone.
   */
  public static boolean kill(ProcessRef ref) {
    return ProcStat.read(ref.pid())
        .filter(stat -> !stat.isZombie())
        .map(stat -> kill(ref, stat))
        .orElse(false);
  }

  private static boolean kill(ProcessRef ref, ProcStat stat) {
    if (!isSameProcess(ref, stat)) {
      LOG.info(
          "pid={} event=leftover-skipped reason=pid-reused start_time={} recorded={}",
          ref.pid(),
          stat.startTime(),
          ref.startTime());
      return false;
    }
    boolean killed = Signals.signalGroup(ref.pgid(), "KILL");
    LOG.info("pid={} pgid={} event=leftover-killed ok={}", ref.pid(), ref.pgid(), killed);
    return killed;
  }

  /** The recorded process is this one only if its start time and group match. */
  static boolean isSameProcess(ProcessRef ref, ProcStat stat) {
    return ref.startTime() >= 0 && stat.startTime() == ref.startTime() && stat.pgrp() == ref.pgid();
  }
}

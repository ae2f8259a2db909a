package flynn.host.run;

/** A job's output readers, which a runner waits on before it reports the exit. */
public interface OutputDrain {
  /** Waits (bounded) until everything the job wrote has been passed on. */
  void drain() throws InterruptedException;
}

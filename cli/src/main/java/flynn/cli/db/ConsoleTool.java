package flynn.cli.db;

import java.util.List;

/** An appliance's interactive client as a job, built from its resource's env. Pure. */
interface ConsoleTool {
  Appliance appliance();

  /** The console with the user's extra {@code args} after its own. */
  DbJob console(ResourceEnv env, List<String> args);
}

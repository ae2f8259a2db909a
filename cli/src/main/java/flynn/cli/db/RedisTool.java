package flynn.cli.db;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * redis-cli against the app's redis server; the password goes in {@code REDISCLI_AUTH} rather than
 * {@code -a}, so it is not in the job's process list.
 */
final class RedisTool implements ConsoleTool {
  @Override
  public Appliance appliance() {
    return Appliance.REDIS;
  }

  @Override
  public DbJob console(ResourceEnv env, List<String> args) {
    List<String> command =
        new ArrayList<>(
            List.of(
                "redis-cli", "-h", env.require("REDIS_HOST"), "-p", env.get("REDIS_PORT", "6379")));
    command.addAll(args);
    return new DbJob(command, Map.of("REDISCLI_AUTH", env.require("REDIS_PASSWORD")));
  }
}

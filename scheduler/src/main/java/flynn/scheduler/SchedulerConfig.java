package flynn.scheduler;

import java.time.Clock;

/**
 * Where the scheduler finds the controller (with the cluster key), discoverd and ZooKeeper (a
 * connect string such as {@code 127.0.0.1:2181}), and its clock.
 */
public record SchedulerConfig(
    String controllerUrl, String key, String discoverdUrl, String zkConnect, Clock clock) {}

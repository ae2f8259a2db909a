package flynn.cli.jobs;

import flynn.api.controller.Job;
import flynn.api.controller.JobState;
import flynn.cli.output.HumanTime;
import flynn.cli.output.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** What {@code flynn ps} shows: which jobs, in which order, in Flynn's columns. Pure. */
public final class JobList {
  private JobList() {}

  /** Oldest first; only active jobs unless {@code all}; only {@code type} when given. */
  public static List<Job> select(List<Job> jobs, boolean all, String type) {
    List<Job> out = new ArrayList<>();
    for (Job j : jobs) {
      if (!all && !JobState.isActive(j.state())) {
        continue;
      }
      if (type != null && !type.equals(typeOf(j))) {
        continue;
      }
      out.add(j);
    }
    out.sort(
        Comparator.comparing(
            Job::createdAt, Comparator.nullsFirst(Comparator.<OffsetDateTime>naturalOrder())));
    return out;
  }

  public static String table(List<Job> jobs, boolean command, Instant now) {
    Table t = new Table();
    List<Object> header = new ArrayList<>(List.of("ID", "TYPE", "STATE", "CREATED", "RELEASE"));
    if (command) {
      header.add("COMMAND");
    }
    t.row(header);
    for (Job j : jobs) {
      List<Object> row =
          new ArrayList<>(
              List.of(
                  idOf(j),
                  typeOf(j),
                  stateOf(j),
                  HumanTime.ago(j.createdAt(), now),
                  j.release() == null ? "" : j.release()));
      if (command) {
        row.add(j.args() == null ? "" : String.join(" ", j.args()));
      }
      t.row(row);
    }
    return t.render();
  }

  /**
   * The state, for a job that ended badly why, and how often its slot was restarted: {@code down
   * (exited 137: out of memory)}, {@code down (exited 3: <its last output line>; 4 restarts)},
   * {@code failed (<host error>)}, {@code up (2 restarts)}.
   */
  public static String stateOf(Job j) {
    List<String> details = new ArrayList<>();
    if (JobState.isDown(j.state())) {
      String why = lastLine(j.hostError());
      boolean failedExit = j.exitStatus() != null && j.exitStatus() != 0;
      if (failedExit) {
        details.add("exited " + j.exitStatus() + (why == null ? "" : ": " + why));
      } else if (why != null) {
        details.add(why);
      }
    }
    if (j.restarts() != null && j.restarts() > 0) {
      details.add(j.restarts() + (j.restarts() == 1 ? " restart" : " restarts"));
    }
    String state = String.valueOf(j.state());
    return details.isEmpty() ? state : state + " (" + String.join("; ", details) + ")";
  }

  /** A crash report holds the job's last output lines; one line is what fits in a table. */
  private static String lastLine(String hostError) {
    if (hostError == null || hostError.isBlank()) {
      return null;
    }
    List<String> lines = hostError.strip().lines().toList();
    return lines.getLast().strip();
  }

  /** The job's id, or its uuid before it is placed on a host. */
  public static String idOf(Job j) {
    return j.id() == null || j.id().isEmpty() ? j.uuid() : j.id();
  }

  /** One-off jobs have no type; Flynn shows them as {@code run}. */
  static String typeOf(Job j) {
    return j.type() == null || j.type().isEmpty() ? "run" : j.type();
  }
}

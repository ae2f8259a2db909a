package flynn.cli.volume;

import flynn.api.controller.Volume;
import flynn.cli.output.Table;
import java.util.Comparator;
import java.util.List;

/** Renders volumes as {@code flynn volume list} prints them. */
final class VolumeList {
  private VolumeList() {}

  /** Oldest first; with {@code withApp} (the whole cluster) an APP column after the id. */
  static String table(List<Volume> volumes, boolean withApp) {
    Table t = new Table();
    if (withApp) {
      t.row("ID", "APP", "HOST", "TYPE", "PATH", "JOB", "STATE");
    } else {
      t.row("ID", "HOST", "TYPE", "PATH", "JOB", "STATE");
    }
    volumes.stream()
        .sorted(
            Comparator.comparing(Volume::createdAt, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Volume::id))
        .forEach(v -> {
          if (withApp) {
            t.row(v.id(), v.app(), v.hostId(), v.jobType(), v.path(), v.job(), state(v));
          } else {
            t.row(v.id(), v.hostId(), v.jobType(), v.path(), v.job(), state(v));
          }
        });
    return t.render();
  }

  /** A volume being removed says so until it is destroyed. */
  static String state(Volume v) {
    if (v.decommissionedAt() != null && !Volume.DESTROYED.equals(v.state())) {
      return "decommissioned";
    }
    return v.state();
  }
}

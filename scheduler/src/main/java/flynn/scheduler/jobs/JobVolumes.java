package flynn.scheduler.jobs;

import flynn.api.controller.ProcessType;
import flynn.api.controller.Volume;
import flynn.api.controller.VolumeReq;
import flynn.api.host.VolumeBinding;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** A job's volumes: the records of its persistent ones, and its bindings when it is launched. */
public final class JobVolumes {
  private JobVolumes() {}

  /** The paths of a process type's persistent volumes (those without {@code delete_on_stop}). */
  public static List<String> persistentPaths(ProcessType process) {
    return requests(process).stream()
        .filter(v -> !Boolean.TRUE.equals(v.deleteOnStop()))
        .map(VolumeReq::path)
        .toList();
  }

  /** Who a new persistent volume record is for. */
  public record Owner(
      String hostId, String app, String release, String jobId, String type, OffsetDateTime now) {}

  /**
   * The persistent volumes of a new job: the existing ones it was given (path to id), now attached
   * to it, and new ones (ids from {@code newId}) for its other paths.
   */
  public static List<Volume> claim(
      ProcessType process,
      Map<String, String> existing,
      Map<String, Volume> known,
      Owner owner,
      Supplier<String> newId) {
    List<Volume> claimed = new ArrayList<>();
    for (String path : persistentPaths(process)) {
      String id = existing.get(path);
      Volume before = id == null ? null : known.get(id);
      claimed.add(
          new Volume(
              id == null ? newId.get() : id,
              owner.hostId(),
              Volume.TYPE_DATA,
              Volume.CREATED,
              owner.app(),
              owner.release(),
              owner.jobId(),
              owner.type(),
              path,
              false,
              before == null ? null : before.meta(),
              before == null ? owner.now() : before.createdAt(),
              owner.now(),
              null));
    }
    return claimed;
  }

  /**
   * What the host mounts: the job's persistent volumes, and a new scratch volume for each {@code
   * delete_on_stop} path.
   */
  public static List<VolumeBinding> bindings(
      ProcessType process, List<Volume> attached, Supplier<String> newId) {
    List<VolumeBinding> bindings = new ArrayList<>();
    for (VolumeReq req : requests(process)) {
      if (Boolean.TRUE.equals(req.deleteOnStop())) {
        bindings.add(new VolumeBinding(req.path(), newId.get(), true, true));
        continue;
      }
      attached.stream()
          .filter(v -> req.path().equals(v.path()))
          .findFirst()
          .ifPresent(v -> bindings.add(new VolumeBinding(req.path(), v.id(), true, false)));
    }
    return bindings;
  }

  private static List<VolumeReq> requests(ProcessType process) {
    ProcessType p = process.normalized();
    return p.volumes() == null ? List.of() : p.volumes();
  }
}

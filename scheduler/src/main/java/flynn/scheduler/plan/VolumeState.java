package flynn.scheduler.plan;

/**
 * The scheduler's view of one persistent volume: where it is, what it is for (app, process type,
 * path), the uuid of the job it was last given to (null: none), and whether it may be given to new
 * jobs at all (a decommissioned or destroyed volume may not).
 */
public record VolumeState(
    String id,
    String hostId,
    String app,
    String type,
    String path,
    String jobUuid,
    boolean retired) {

  public boolean isFor(String appId, String processType, String volumePath) {
    return !retired && appId.equals(app) && processType.equals(type) && volumePath.equals(path);
  }
}

package flynn.api.controller;

/** The controller's job states, as strings on the wire. */
public final class JobState {
  public static final String PENDING = "pending";
  public static final String BLOCKED = "blocked";
  public static final String STARTING = "starting";
  public static final String UP = "up";
  public static final String STOPPING = "stopping";
  public static final String DOWN = "down";

  /** Legacy states still accepted from old clients. */
  public static final String CRASHED = "crashed";

  public static final String FAILED = "failed";

  private JobState() {}

  public static boolean isDown(String state) {
    return DOWN.equals(state) || CRASHED.equals(state) || FAILED.equals(state);
  }

  public static boolean isActive(String state) {
    return PENDING.equals(state) || STARTING.equals(state) || UP.equals(state);
  }
}

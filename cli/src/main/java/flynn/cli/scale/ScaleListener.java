package flynn.cli.scale;

import flynn.api.controller.ScaleRequest;

/** What a caller of {@link ScaleWaiter} is told while a scale request runs. */
public interface ScaleListener {
  ScaleListener SILENT = new ScaleListener() {};

  /** The controller accepted the request (its old and new process counts are set). */
  default void created(ScaleRequest request) {}

  /** A job of the release changed state: Flynn's job event line. */
  default void jobLine(String line) {}
}

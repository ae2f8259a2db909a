package flynn.gitreceive.build;

import flynn.api.controller.App;
import flynn.builder.BuildRequest;
import flynn.builder.BuildResult;
import flynn.gitreceive.push.PushLog;
import java.nio.file.Path;

/** Runs a build: source in, slug out. */
public interface SlugBuild {
  /**
   * Builds {@code request} for {@code app}, streaming the build's log to {@code log}.
   *
   * @param currentRelease the app's current release id, or null before its first one
   * @param outputDir where the result's files go
   * @throws flynn.builder.BuildFailedException when the build failed (its log says why)
   */
  BuildResult build(
      App app, String currentRelease, BuildRequest request, Path outputDir, PushLog log);
}

package flynn.api.controller;

import com.fasterxml.jackson.annotation.JsonProperty;
import flynn.api.host.ResourceSpec;
import java.util.List;
import java.util.Map;

/** The body of {@code POST /apps/:id/jobs}: a one-off job. */
public record NewJob(
    @JsonProperty("release") String release,
    @JsonProperty("artifacts") List<String> artifacts,
    @JsonProperty("release_env") Boolean releaseEnv,
    @JsonProperty("args") List<String> args,
    @JsonProperty("env") Map<String, String> env,
    @JsonProperty("meta") Map<String, String> meta,
    @JsonProperty("tty") Boolean tty,
    @JsonProperty("tty_columns") Integer columns,
    @JsonProperty("tty_lines") Integer lines,
    @JsonProperty("disable_log") Boolean disableLog,
    @JsonProperty("resources") Map<String, ResourceSpec> resources,
    @JsonProperty("partition") String partition,
    @JsonProperty("mounts_from") String mountsFrom,
    @JsonProperty("cmd") List<String> deprecatedCmd,
    @JsonProperty("entrypoint") List<String> deprecatedEntrypoint,
    @JsonProperty("artifact") String deprecatedArtifact) {}

package flynn.api.controller;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A volume a process type asks for. */
public record VolumeReq(
    @JsonProperty("path") String path, @JsonProperty("delete_on_stop") Boolean deleteOnStop) {}

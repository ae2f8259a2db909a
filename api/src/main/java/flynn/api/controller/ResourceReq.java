package flynn.api.controller;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The body of {@code POST /providers/:id/resources} (Flynn's {@code ct.ResourceReq}): the apps to
 * link and the config passed on to the provider ({@code {}} when null).
 */
public record ResourceReq(
    @JsonProperty("apps") List<String> apps, @JsonProperty("config") JsonNode config) {}

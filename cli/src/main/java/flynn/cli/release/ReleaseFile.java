package flynn.cli.release;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import flynn.api.Json;
import flynn.api.controller.ProcessType;
import flynn.api.controller.Release;
import flynn.cli.CliException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a release configuration (Flynn's release.json: env, meta, processes...) and folds Flynn's
 * deprecated fields into current ones: {@code artifact} into {@code artifacts}, a process's {@code
 * entrypoint} + {@code cmd} into {@code args}, {@code data: true} into a {@code /data} volume.
 * Fields this platform does not know are reported as warnings, never silently dropped.
 */
public final class ReleaseFile {
  static final Set<String> RELEASE_FIELDS =
      Set.of("id", "app_id", "artifacts", "artifact", "env", "meta", "processes", "created_at");
  static final Set<String> PROCESS_FIELDS =
      Set.of(
          "args",
          "env",
          "ports",
          "volumes",
          "omni",
          "host_network",
          "service",
          "resurrect",
          "resources",
          "linux_capabilities",
          "cmd",
          "entrypoint",
          "data");

  /** The release to create (no id, no app) and what the user should know about the file. */
  public record Parsed(Release release, List<String> warnings) {}

  private ReleaseFile() {}

  public static Parsed read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new CliException("release file " + file + " does not exist");
    } catch (IOException e) {
      throw new CliException("cannot read release file " + file + ": " + e.getMessage());
    }
    return parse(text, file.toString());
  }

  public static Parsed parse(String json, String name) {
    JsonNode tree = tree(json, name);
    List<String> warnings = new ArrayList<>(unknownFields(tree, name));
    Release release;
    try {
      release = Json.mapper().treeToValue(tree, Release.class);
    } catch (JsonProcessingException e) {
      throw new CliException("invalid release file " + name + at(e) + ": " + firstLine(e));
    }
    return new Parsed(normalize(release, name, warnings), List.copyOf(warnings));
  }

  private static JsonNode tree(String json, String name) {
    JsonNode tree;
    try {
      tree = Json.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      String where =
          e.getLocation() == null
              ? ""
              : " (line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr()
                  + ")";
      throw new CliException("invalid JSON in release file " + name + where + ": " + firstLine(e));
    }
    if (tree == null || !tree.isObject()) {
      throw new CliException("invalid release file " + name + ": expected a JSON object");
    }
    JsonNode processes = tree.get("processes");
    if (processes != null && !processes.isNull() && !processes.isObject()) {
      throw new CliException(
          "invalid release file " + name + ": \"processes\" must be an object of process types");
    }
    return tree;
  }

  private static List<String> unknownFields(JsonNode tree, String name) {
    List<String> warnings = new ArrayList<>();
    for (String field : unknown(tree, RELEASE_FIELDS)) {
      warnings.add(name + ": unknown field \"" + field + "\" ignored");
    }
    JsonNode processes = tree.get("processes");
    if (processes == null || !processes.isObject()) {
      return warnings;
    }
    for (Map.Entry<String, JsonNode> process : processes.properties()) {
      for (String field : unknown(process.getValue(), PROCESS_FIELDS)) {
        warnings.add(
            name
                + ": process \""
                + process.getKey()
                + "\": field \""
                + field
                + "\" is not supported and was ignored");
      }
    }
    return warnings;
  }

  private static List<String> unknown(JsonNode object, Set<String> known) {
    List<String> out = new ArrayList<>();
    object
        .fieldNames()
        .forEachRemaining(f -> {
          if (!known.contains(f)) {
            out.add(f);
          }
        });
    return out;
  }

  private static Release normalize(Release r, String name, List<String> warnings) {
    List<String> artifacts = new ArrayList<>(r.artifacts() == null ? List.of() : r.artifacts());
    if (r.legacyArtifact() != null && !artifacts.contains(r.legacyArtifact())) {
      artifacts.add(0, r.legacyArtifact());
    }
    Map<String, ProcessType> processes = null;
    if (r.processes() != null) {
      processes = new LinkedHashMap<>();
      for (Map.Entry<String, ProcessType> e : r.processes().entrySet()) {
        processes.put(e.getKey(), normalize(e.getKey(), e.getValue(), name, warnings));
      }
    }
    return new Release(
        null,
        null,
        artifacts.isEmpty() ? null : List.copyOf(artifacts),
        r.env(),
        r.meta(),
        processes,
        null,
        null);
  }

  private static ProcessType normalize(
      String type, ProcessType p, String name, List<String> warnings) {
    if (p == null) {
      throw new CliException("invalid release file " + name + ": process \"" + type + "\" is null");
    }
    if (p.usesDeprecatedData()) {
      warnings.add(
          name
              + ": process \""
              + type
              + "\": \"data\" is deprecated, use \"volumes\": [{\"path\": \"/data\"}] instead");
    }
    return p.normalized();
  }

  private static String at(JsonMappingException e) {
    String path =
        e.getPath().stream()
            .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
            .collect(Collectors.joining("."))
            .replace(".[", "[");
    return path.isEmpty() ? "" : " at " + path;
  }

  private static String at(JsonProcessingException e) {
    return e instanceof JsonMappingException m ? at(m) : "";
  }

  private static String firstLine(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    int nl = message == null ? -1 : message.indexOf('\n');
    return nl < 0 ? String.valueOf(message) : message.substring(0, nl);
  }
}

package flynn.controller.db;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import flynn.api.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** jsonb columns: values are bound as JSON text ({@code CAST(:x AS jsonb)}) and read back. */
public final class JsonColumn {
  public static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};
  public static final TypeReference<Map<String, Integer>> COUNTS = new TypeReference<>() {};
  public static final TypeReference<Map<String, Map<String, String>>> TAGS =
      new TypeReference<>() {};
  public static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  private JsonColumn() {}

  /** JSON text of {@code value}, or SQL NULL for null. */
  public static String write(Object value) {
    return value == null ? null : Json.write(value);
  }

  public static <T> T read(String json, TypeReference<T> type) {
    if (json == null) {
      return null;
    }
    try {
      return Json.mapper().readValue(json, type);
    } catch (IOException e) {
      throw new UncheckedIOException("corrupt jsonb column", e);
    }
  }

  public static JsonNode tree(String json) {
    return read(json, new TypeReference<JsonNode>() {});
  }
}

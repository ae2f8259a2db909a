package flynn.cli.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import flynn.api.Json;

/** {@code --json} output: the API's own objects, pretty-printed, Flynn's field names. */
public final class JsonOutput {
  private JsonOutput() {}

  public static String pretty(Object value) {
    try {
      return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot encode " + value.getClass().getSimpleName(), e);
    }
  }
}

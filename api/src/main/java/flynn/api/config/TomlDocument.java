package flynn.api.config;

import java.util.List;
import java.util.Map;

/**
 * The subset of TOML the CLI config uses: top-level keys, then tables ({@code [name]}) or arrays of
 * tables ({@code [[name]]}) of keys. Values are kept as their raw TOML text so that values this
 * code does not interpret are written back unchanged; {@link Toml#string} decodes string values.
 */
record TomlDocument(Map<String, String> top, List<Section> sections) {

  /** One {@code [name]} or {@code [[name]]} table, its keys in file order. */
  record Section(String name, boolean arrayItem, Map<String, String> entries) {}
}

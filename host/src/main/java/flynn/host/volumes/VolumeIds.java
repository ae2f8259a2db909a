package flynn.host.volumes;

import flynn.api.http.ApiException;
import java.util.regex.Pattern;

/** Volume ids name directories under the state dir: letters, digits and {@code - _ .} only. */
public final class VolumeIds {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");

  private VolumeIds() {}

  /** The id itself; a validation error for one that could leave the volumes directory. */
  public static String checked(String id) {
    if (id == null || !ID.matcher(id).matches() || id.contains("..")) {
      throw ApiException.validation(
          "volume", "volume id must be letters, digits, '-', '_' or '.': " + id);
    }
    return id;
  }
}

package flynn.controller.db;

import flynn.api.http.ApiException;
import java.util.Optional;
import java.util.UUID;

/** Flynn's ids are UUIDs in their canonical text form. */
public final class Ids {
  private Ids() {}

  public static String random() {
    return UUID.randomUUID().toString();
  }

  public static boolean isUuid(String s) {
    return parse(s).isPresent();
  }

  /** The canonical form of a UUID, or empty when {@code s} is not one. */
  public static Optional<String> parse(String s) {
    if (s == null || s.length() != 36) {
      return Optional.empty();
    }
    try {
      return Optional.of(UUID.fromString(s).toString());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** {@code s} as a UUID, or a validation error on {@code field}. */
  public static String require(String field, String s) {
    return parse(s).orElseThrow(() -> ApiException.validation(field, field + " must be a UUID"));
  }
}

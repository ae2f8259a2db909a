package flynn.blobstore.web;

import flynn.api.http.ApiException;
import flynn.blobstore.store.Sha256;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SHA-256 a client says an upload has, from any of: an {@code X-Content-Sha256} header (hex), a
 * {@code Digest: sha-256=<base64>} header (RFC 3230), or an OCI digest {@code sha256:<hex>} as the
 * last segment of the path. Several that disagree are refused.
 */
public final class ExpectedDigest {
  public static final String CONTENT_SHA256 = "X-Content-Sha256";
  private static final Pattern PATH_DIGEST = Pattern.compile(".*/sha256:([0-9a-f]{64})");
  private static final Pattern DIGEST_SHA256 =
      Pattern.compile("(?i)(?:^|,)\\s*sha-256=([A-Za-z0-9+/=]+)");

  private ExpectedDigest() {}

  /**
   * @param contentSha256 the {@code X-Content-Sha256} header, or null
   * @param digest the {@code Digest} header, or null
   */
  public static Optional<String> of(String path, String contentSha256, String digest) {
    Set<String> claims = new LinkedHashSet<>();
    if (contentSha256 != null) {
      claims.add(hexHeader(contentSha256));
    }
    if (digest != null) {
      digestHeader(digest).ifPresent(claims::add);
    }
    Matcher m = PATH_DIGEST.matcher(path);
    if (m.matches()) {
      claims.add(m.group(1));
    }
    if (claims.size() > 1) {
      throw ApiException.validation(
          "digest", "the request names different sha256 digests: " + String.join(", ", claims));
    }
    return claims.stream().findFirst();
  }

  private static String hexHeader(String value) {
    String hex = value.strip().toLowerCase(Locale.ROOT);
    if (hex.startsWith("sha256:")) {
      hex = hex.substring("sha256:".length());
    }
    if (!Sha256.HEX.matcher(hex).matches()) {
      throw ApiException.validation(
          "digest", CONTENT_SHA256 + " must be 64 hex digits, got \"" + value + "\"");
    }
    return hex;
  }

  private static Optional<String> digestHeader(String value) {
    Matcher m = DIGEST_SHA256.matcher(value);
    if (!m.find()) {
      return Optional.empty();
    }
    try {
      byte[] raw = Base64.getDecoder().decode(m.group(1));
      if (raw.length != 32) {
        throw new IllegalArgumentException("length " + raw.length);
      }
      return Optional.of(Sha256.hex(raw));
    } catch (IllegalArgumentException e) {
      throw ApiException.validation(
          "digest", "Digest sha-256 must be 32 bytes in base64, got \"" + m.group(1) + "\"");
    }
  }
}

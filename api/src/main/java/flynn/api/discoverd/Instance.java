package flynn.api.discoverd;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * One registered instance of a service. {@code id} is hex(md5(proto + "-" + addr)); {@code index}
 * orders instances by registration (lowest is the oldest, which leads).
 */
public record Instance(
    @JsonProperty("id") String id,
    @JsonProperty("addr") String addr,
    @JsonProperty("proto") String proto,
    @JsonProperty("meta") Map<String, String> meta,
    @JsonProperty("index") Long index) {

  public static Instance of(String proto, String addr, Map<String, String> meta) {
    return new Instance(idFor(proto, addr), addr, proto, meta, null);
  }

  public static String idFor(String proto, String addr) {
    try {
      byte[] digest =
          MessageDigest.getInstance("MD5")
              .digest((proto + "-" + addr).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

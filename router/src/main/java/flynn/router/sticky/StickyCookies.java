package flynn.router.sticky;

import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import io.netty.handler.codec.http.cookie.ServerCookieEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The sticky-session cookie {@code _backend}: the backend's address, encrypted and authenticated
 * with AES-256-GCM (a random 12-byte nonce before the ciphertext, base64url). A value that does not
 * decrypt, whatever its origin, decodes to nothing.
 */
public final class StickyCookies {
  public static final String COOKIE_NAME = "_backend";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKeySpec key;
  private final SecureRandom random = new SecureRandom();

  /** A codec whose key is derived from {@code secret} (for example the cluster key). */
  public StickyCookies(String secret) {
    this.key = new SecretKeySpec(sha256("flynn-router-sticky:" + secret), "AES");
  }

  public String encode(String backendAddr) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      byte[] sealed = c.doFinal(backendAddr.getBytes(StandardCharsets.UTF_8));
      byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
      return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is unavailable", e);
    }
  }

  /** The backend address in {@code value}, or empty when it is not one of our cookies. */
  public Optional<String> decode(String value) {
    try {
      byte[] in = Base64.getUrlDecoder().decode(value);
      if (in.length <= NONCE_BYTES) {
        return Optional.empty();
      }
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
      byte[] plain = c.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
      return Optional.of(new String(plain, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      return Optional.empty();
    }
  }

  /** The backend named by the {@code _backend} cookie of a {@code Cookie} header, if valid. */
  public Optional<String> backendIn(String cookieHeader) {
    if (cookieHeader == null) {
      return Optional.empty();
    }
    for (Cookie c : ServerCookieDecoder.LAX.decode(cookieHeader)) {
      if (COOKIE_NAME.equals(c.name())) {
        return decode(c.value());
      }
    }
    return Optional.empty();
  }

  /** A {@code Set-Cookie} value naming {@code backendAddr}, for every path of the host. */
  public String setCookie(String backendAddr) {
    return ServerCookieEncoder.STRICT.encode(COOKIE_NAME, encode(backendAddr))
        + "; Path=/; HttpOnly";
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

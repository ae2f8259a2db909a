package flynn.router.tls;

import io.netty.handler.codec.http2.Http2SecurityUtil;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLException;

/**
 * Server {@link SslContext}s: BoringSSL (tcnative) when it loads, the JDK's TLS otherwise; TLS 1.2
 * and 1.3 with HTTP/2's cipher list; ALPN offering {@code h2} before {@code http/1.1}.
 */
final class ServerSslContexts {
  private static final ApplicationProtocolConfig ALPN =
      new ApplicationProtocolConfig(
          ApplicationProtocolConfig.Protocol.ALPN,
          ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
          ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
          ApplicationProtocolNames.HTTP_2,
          ApplicationProtocolNames.HTTP_1_1);

  private ServerSslContexts() {}

  static SslProvider provider() {
    return SslProvider.isAlpnSupported(SslProvider.OPENSSL) ? SslProvider.OPENSSL : SslProvider.JDK;
  }

  /** Throws IllegalArgumentException with a message a route's owner can act on. */
  static SslContext build(CertKey pem) {
    return build(Pem.certificates(pem.chainPem()), Pem.privateKey(pem.keyPem()));
  }

  /** Throws IllegalArgumentException with a message a route's owner can act on. */
  static SslContext build(List<X509Certificate> chain, PrivateKey key) {
    if (!Keys.match(key, chain.getFirst().getPublicKey())) {
      throw new IllegalArgumentException(
          "the private key does not belong to the certificate "
              + chain.getFirst().getSubjectX500Principal());
    }
    try {
      return SslContextBuilder.forServer(key, chain.toArray(X509Certificate[]::new))
          .sslProvider(provider())
          .protocols("TLSv1.3", "TLSv1.2")
          .ciphers(Http2SecurityUtil.CIPHERS, SupportedCipherSuiteFilter.INSTANCE)
          .applicationProtocolConfig(ALPN)
          .build();
    } catch (SSLException e) {
      throw new IllegalArgumentException("unusable certificate: " + e.getMessage(), e);
    }
  }
}

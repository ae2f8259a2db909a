package flynn.router.tls;

import io.netty.handler.ssl.SslContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Certificates for single names under the cluster domain ({@code demo.localhost}), issued by the
 * cluster CA on a name's first handshake. curl and OpenSSL refuse the cluster's wildcard {@code
 * *.localhost} (a wildcard directly under a single-label or public-suffix name), so each name gets
 * its own. Issuing runs on a virtual thread, never on an event loop; the handshake waits for it.
 * Kept in memory and on disk ({@code <dir>/<name>.pem}, key and chain, 0600), both bounded to
 * {@link #MAX_NAMES}: the least recently used go first in memory, the oldest files on disk.
 */
final class NameCertificates implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(NameCertificates.class);
  static final int MAX_NAMES = 1024;
  static final Duration VALIDITY = Duration.ofDays(90);
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

  private final Issued ca;
  private final String domain;
  private final Path dir;
  private final int maxNames;
  private final Clock clock;
  private final CertIssuer issuer;
  private final ExecutorService issuing =
      Executors.newThreadPerTaskExecutor(
          Thread.ofVirtual().name("router-cert-issue-", 0).factory());
  private final Map<String, CompletableFuture<Named>> byName;

  /** A name's context and when to issue a new certificate for it. */
  private record Named(SslContext context, Instant renewAt) {}

  NameCertificates(Issued ca, String domain, Path dir, int maxNames, Clock clock) {
    this.ca = ca;
    this.domain = domain.toLowerCase(Locale.ROOT);
    this.dir = dir;
    this.maxNames = maxNames;
    this.clock = clock;
    this.issuer = new CertIssuer(clock);
    this.byName =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<Named>> e) {
            return size() > maxNames;
          }
        };
  }

  /** Whether {@code name} is one DNS label directly under {@code domain}, as a wildcard covers. */
  static boolean issuable(String name, String domain) {
    if (name == null || domain == null) {
      return false;
    }
    String n = name.toLowerCase(Locale.ROOT);
    String suffix = "." + domain.toLowerCase(Locale.ROOT);
    return n.endsWith(suffix)
        && LABEL.matcher(n.substring(0, n.length() - suffix.length())).matches();
  }

  boolean issuable(String name) {
    return issuable(name, domain);
  }

  /**
   * The context for {@code name}: cached, read from disk, or issued (also when the cached one nears
   * its end); completes off the event loop.
   */
  CompletableFuture<SslContext> forName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    synchronized (byName) {
      CompletableFuture<Named> known = byName.get(n);
      if (known == null || known.isCompletedExceptionally() || due(known)) {
        known = CompletableFuture.supplyAsync(() -> load(n), issuing);
        byName.put(n, known);
      }
      return known.thenApply(Named::context);
    }
  }

  private boolean due(CompletableFuture<Named> known) {
    return known.isDone() && !clock.instant().isBefore(known.join().renewAt());
  }

  private Named load(String name) {
    Issued cert = readStored(name);
    String action = "reuse";
    if (cert == null || Renewal.decide(ca, cert, List.of(name), clock.instant()) != Renewal.REUSE) {
      cert = issuer.server(ca, List.of(name), VALIDITY);
      store(name, cert);
      action = "issue";
    }
    log.info(
        "event=name_certificate name={} action={} not_after={}",
        name,
        action,
        cert.certificate().getNotAfter().toInstant());
    Instant renewAt = cert.certificate().getNotAfter().toInstant().minus(Renewal.MARGIN);
    return new Named(ServerSslContexts.build(cert.chain(), cert.key()), renewAt);
  }

  private Issued readStored(String name) {
    try {
      String pem = Files.readString(file(name));
      return new Issued(Pem.certificates(pem), Pem.privateKey(pem));
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException | IllegalArgumentException e) {
      log.warn("event=name_certificate_unreadable name={} error=\"{}\"", name, e.getMessage());
      return null;
    }
  }

  private void store(String name, Issued cert) {
    CaFiles.writeAtomically(
        dir,
        file(name).getFileName().toString(),
        Pem.of(cert.key()) + Pem.of(cert.chain()),
        "rw-------");
    pruneFiles();
  }

  /** Deletes the oldest stored certificates beyond the bound. */
  private void pruneFiles() {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> pems =
          files
              .filter(p -> p.getFileName().toString().endsWith(".pem"))
              .sorted(Comparator.comparing(NameCertificates::modified).reversed())
              .toList();
      for (Path old : pems.subList(Math.min(maxNames, pems.size()), pems.size())) {
        Files.deleteIfExists(old);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prune " + dir + ": " + e.getMessage(), e);
    }
  }

  private static long modified(Path p) {
    try {
      return Files.getLastModifiedTime(p).toMillis();
    } catch (IOException e) {
      return 0;
    }
  }

  private Path file(String name) {
    return dir.resolve(name + ".pem");
  }

  @Override
  public void close() {
    issuing.shutdownNow();
  }
}

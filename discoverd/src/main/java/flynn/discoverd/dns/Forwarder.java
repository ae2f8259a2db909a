package flynn.discoverd.dns;

import java.util.Optional;

/** Relays a query for a name outside the discoverd domain to another resolver. */
@FunctionalInterface
public interface Forwarder {
  /** Nothing to forward to: every other name fails. */
  Forwarder NONE = (query, transport) -> Optional.empty();

  /**
   * The reply's wire bytes to the query's wire bytes, sent over the same transport; empty when no
   * resolver answered in time.
   */
  Optional<byte[]> forward(byte[] query, Transport transport);
}

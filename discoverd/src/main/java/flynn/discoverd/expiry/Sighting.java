package flynn.discoverd.expiry;

/**
 * When this server last saw an instance written (registered or heartbeat).
 *
 * @param version the znode data version seen; expiry deletes only that version
 * @param seenNanos the local monotonic time it was seen
 */
record Sighting(String service, String id, String addr, int version, long seenNanos) {}

package flynn.discoverd.routes;

import flynn.api.discoverd.Instance;
import flynn.api.discoverd.ServiceConfig;
import flynn.api.http.ApiException;
import java.util.regex.Pattern;

/** What discoverd accepts as service names, service configs and instances (Flynn's rules). */
final class Rules {
  private static final Pattern SERVICE = Pattern.compile("[a-z0-9-]+");
  private static final Pattern PROTO = Pattern.compile("[a-z0-9]+");
  private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");

  private Rules() {}

  static String serviceName(String service) {
    if (service == null || !SERVICE.matcher(service).matches()) {
      throw ApiException.validation(
          "service", "service name must be lowercase alphanumeric plus dash, got: " + service);
    }
    return service;
  }

  /** A missing leader type means {@code oldest}; {@code manual} is not supported yet. */
  static ServiceConfig config(ServiceConfig config) {
    String type = config == null ? null : config.leaderType();
    if (type == null || type.isEmpty() || type.equals(ServiceConfig.OLDEST)) {
      return ServiceConfig.oldest();
    }
    if (type.equals(ServiceConfig.MANUAL)) {
      throw ApiException.validation(
          "leader_type", "leader_type manual is not supported by this discoverd; use oldest");
    }
    throw ApiException.validation(
        "leader_type", "leader_type must be oldest or manual, got: " + type);
  }

  /** Checks an instance PUT to {@code /services/:service/instances/:pathId}. */
  static Instance instance(String pathId, Instance inst) {
    String proto = inst.proto();
    if (proto == null || proto.isEmpty()) {
      throw ApiException.validation("proto", "instance proto must be set, e.g. http or tcp");
    }
    if (!PROTO.matcher(proto).matches()) {
      throw ApiException.validation("proto", "instance proto must be lowercase alphanumeric");
    }
    checkAddr(inst.addr());
    String expected = Instance.idFor(proto, inst.addr());
    if (!expected.equals(inst.id())) {
      throw ApiException.validation(
          "id", "instance id is incorrect, expected " + expected + " (md5 of proto-addr)");
    }
    if (!expected.equals(pathId)) {
      throw ApiException.validation(
          "id", "instance id in the path is " + pathId + " but the body's is " + expected);
    }
    return inst;
  }

  private static void checkAddr(String addr) {
    int colon = addr == null ? -1 : addr.lastIndexOf(':');
    String host = colon < 0 ? "" : addr.substring(0, colon);
    String port = colon < 0 ? "" : addr.substring(colon + 1);
    boolean bracketed = host.startsWith("[") && host.endsWith("]");
    boolean hostOk = !host.isEmpty() && (bracketed || !host.contains(":"));
    if (!hostOk || !PORT.matcher(port).matches() || Integer.parseInt(port) > 65535) {
      throw ApiException.validation(
          "addr", "instance addr must be host:port (IPv6 as [host]:port), got: " + addr);
    }
  }
}

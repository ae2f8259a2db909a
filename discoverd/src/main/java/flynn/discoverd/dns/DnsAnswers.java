package flynn.discoverd.dns;

import flynn.api.discoverd.Instance;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * The authoritative answers for names under {@code discoverd.}, after Flynn's discoverd DNS:
 * address and SRV records of a service's instances (shuffled, at most three over UDP), of its
 * leader, or of one instance by id. An unknown service is NXDOMAIN; a known one with nothing to
 * give (no instances, no leader, no address of the asked family) is an empty answer with the SOA.
 * TTLs are short, since instances come and go: the leader's shortest, as it moves on failover.
 */
public final class DnsAnswers {
  public static final Name DOMAIN = Name.fromConstantString("discoverd.");
  static final int MAX_UDP_RECORDS = 3;
  static final long INSTANCE_TTL = 10;
  static final long LEADER_TTL = 1;
  static final long NEGATIVE_TTL = 1;

  /** The answer and additional sections of a reply, with its rcode. */
  record Result(int rcode, List<org.xbill.DNS.Record> answer, List<org.xbill.DNS.Record> extra) {
    static final Result NXDOMAIN = new Result(Rcode.NXDOMAIN, List.of(), List.of());
    static final Result EMPTY = new Result(Rcode.NOERROR, List.of(), List.of());
  }

  private final KnownServices services;
  private final RandomGenerator random;
  private final Clock clock;
  private final boolean recursionAvailable;

  /**
   * @param random orders the instances of each answer, spreading clients over them
   * @param clock gives the SOA's serial
   * @param recursionAvailable whether other names are forwarded (the RA flag)
   */
  public DnsAnswers(
      KnownServices services, RandomGenerator random, Clock clock, boolean recursionAvailable) {
    this.services = services;
    this.random = random;
    this.clock = clock;
    this.recursionAvailable = recursionAvailable;
  }

  /** Whether a name is this server's to answer. */
  public static boolean covers(Name name) {
    return name.subdomain(DOMAIN);
  }

  /** The reply to a query whose question is under {@link #DOMAIN}. */
  public Message answer(Message query, Transport transport) {
    org.xbill.DNS.Record question = query.getQuestion();
    int type = question.getType();
    Result result = lookup(question.getName(), type, transport);
    Message reply = Replies.to(query, result.rcode(), recursionAvailable);
    reply.getHeader().setFlag(Flags.AA);
    result.answer().forEach(r -> reply.addRecord(r, Section.ANSWER));
    result.extra().forEach(r -> reply.addRecord(r, Section.ADDITIONAL));
    if (result.rcode() == Rcode.NOERROR && type == Type.SOA) {
      reply.removeAllRecords(Section.ANSWER);
      reply.addRecord(soa(), Section.ANSWER);
    } else if (result.answer().isEmpty()) {
      reply.addRecord(soa(), Section.AUTHORITY);
    }
    return reply;
  }

  Result lookup(Name name, int type, Transport transport) {
    List<String> labels = labelsBelowDomain(name);
    if (labels.isEmpty()) {
      return Result.EMPTY;
    }
    return switch (DiscoverdName.parse(labels)) {
      case DiscoverdName.Unknown u -> Result.NXDOMAIN;
      case DiscoverdName.Leader l ->
          services
              .instances(l.service())
              .map(all ->
                  all.isEmpty() ? Result.EMPTY : one(name, type, all.get(0), LEADER_TTL, transport))
              .orElse(Result.NXDOMAIN);
      case DiscoverdName.InstanceById i ->
          services
              .instances(i.service())
              .flatMap(all -> all.stream().filter(x -> i.id().equals(x.id())).findFirst())
              .map(found -> one(name, type, found, INSTANCE_TTL, transport))
              .orElse(Result.NXDOMAIN);
      case DiscoverdName.Service s ->
          services
              .instances(s.service())
              .map(all -> type == Type.SOA ? Result.EMPTY : many(name, type, s, all, transport))
              .orElse(Result.NXDOMAIN);
    };
  }

  /** The records of one instance (a leader, or an SRV target), named as asked. */
  private Result one(Name name, int type, Instance instance, long ttl, Transport transport) {
    Optional<InstanceAddress> found = InstanceAddress.of(instance);
    if (found.isEmpty() || !fits(type, found.get())) {
      return Result.EMPTY;
    }
    InstanceAddress addr = found.get();
    List<org.xbill.DNS.Record> answer = new ArrayList<>();
    if (type != Type.SRV) {
      answer.add(address(name, addr, ttl));
    }
    if (type == Type.SRV || type == Type.ANY) {
      answer.add(srv(name, name, addr, ttl));
    }
    List<org.xbill.DNS.Record> extra =
        type == Type.SRV && transport == Transport.TCP
            ? List.of(address(name, addr, ttl))
            : List.of();
    return new Result(Rcode.NOERROR, answer, extra);
  }

  /** Every instance (of the protocol, when asked by SRV name), in a random order. */
  private Result many(
      Name name, int type, DiscoverdName.Service s, List<Instance> all, Transport transport) {
    if (!isAddressOrSrv(type)) {
      return Result.EMPTY;
    }
    List<InstanceAddress> addrs = addresses(all, s.proto(), type);
    Collections.shuffle(addrs, random);
    if (transport == Transport.UDP && addrs.size() > MAX_UDP_RECORDS) {
      addrs = addrs.subList(0, MAX_UDP_RECORDS);
    }
    List<org.xbill.DNS.Record> answer = new ArrayList<>();
    List<org.xbill.DNS.Record> extra = new ArrayList<>();
    if (type != Type.SRV) {
      addrs.forEach(a -> answer.add(address(name, a, INSTANCE_TTL)));
    }
    if (type == Type.SRV || type == Type.ANY) {
      for (InstanceAddress a : addrs) {
        Name target = instanceName(s.service(), a.id());
        answer.add(srv(name, target, a, INSTANCE_TTL));
        if (type == Type.SRV && transport == Transport.TCP) {
          extra.add(address(target, a, INSTANCE_TTL));
        }
      }
    }
    return new Result(Rcode.NOERROR, answer, extra);
  }

  /** The instances' addresses that fit the type; one per IP unless SRV records (with ports). */
  private static List<InstanceAddress> addresses(List<Instance> all, String proto, int type) {
    Set<String> seen = new HashSet<>();
    List<InstanceAddress> addrs = new ArrayList<>();
    for (Instance instance : all) {
      if (proto != null && !proto.equals(instance.proto())) {
        continue;
      }
      InstanceAddress.of(instance)
          .filter(a -> fits(type, a))
          .filter(a -> type == Type.SRV || seen.add(a.ip().getHostAddress()))
          .ifPresent(addrs::add);
    }
    return addrs;
  }

  private static boolean isAddressOrSrv(int type) {
    return type == Type.A || type == Type.AAAA || type == Type.ANY || type == Type.SRV;
  }

  /** A and AAAA queries only get addresses of their family. */
  private static boolean fits(int type, InstanceAddress addr) {
    return isAddressOrSrv(type)
        && (type == Type.ANY || type == Type.SRV || type == addr.addressType());
  }

  private static org.xbill.DNS.Record address(Name name, InstanceAddress addr, long ttl) {
    return addr.addressType() == Type.A
        ? new ARecord(name, DClass.IN, ttl, addr.ip())
        : new AAAARecord(name, DClass.IN, ttl, addr.ip());
  }

  private static org.xbill.DNS.Record srv(Name name, Name target, InstanceAddress a, long ttl) {
    return new SRVRecord(name, DClass.IN, ttl, 1, 1, a.port(), target);
  }

  /** {@code <id>.<service>._i.discoverd.}, the name an SRV record points at. */
  static Name instanceName(String service, String id) {
    return Names.under(DOMAIN, id, service, "_i");
  }

  private org.xbill.DNS.Record soa() {
    return new SOARecord(
        DOMAIN,
        DClass.IN,
        NEGATIVE_TTL,
        Names.under(DOMAIN, "ns"),
        Names.under(DOMAIN, "postmaster"),
        clock.instant().getEpochSecond() & 0xffffffffL,
        3600,
        600,
        86400,
        NEGATIVE_TTL);
  }

  /** The labels between the name and the domain, lower case, e.g. {@code [leader, postgres]}. */
  static List<String> labelsBelowDomain(Name name) {
    Name relative = name.relativize(DOMAIN);
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < relative.labels(); i++) {
      labels.add(
          Objects.requireNonNull(relative.getLabelString(i)).toLowerCase(java.util.Locale.ROOT));
    }
    return labels;
  }
}

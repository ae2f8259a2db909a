package flynn.discoverd.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DiscoverdNameTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "postgres.discoverd. | Service[service=postgres, proto=null]",
        "_redis-1._tcp.discoverd. | Service[service=redis-1, proto=tcp]",
        "leader.mysql.discoverd. | Leader[service=mysql]",
        "abc123.web._i.discoverd. | InstanceById[service=web, id=abc123]",
        "leader.web.extra.discoverd. | Unknown[]",
        "_web.tcp.discoverd. | Unknown[]",
      })
  void namesBelowTheDomainSayWhatTheyAskFor(String name, String meaning) {
    List<String> labels = DnsAnswers.labelsBelowDomain(DnsAnswersTest.name(name));

    assertThat(DiscoverdName.parse(labels).toString()).isEqualTo(meaning);
  }
}

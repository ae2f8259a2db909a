package flynn.discoverd.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import flynn.api.discoverd.Instance;
import flynn.api.discoverd.ServiceConfig;
import flynn.api.http.ApiException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RulesTest {
  @ParameterizedTest
  @ValueSource(strings = {"web", "my-app-2", "0"})
  void validServiceNamesPass(String name) {
    assertThat(Rules.serviceName(name)).isEqualTo(name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Web", "a_b", "a.b", "a/b"})
  void invalidServiceNamesAreRejected(String name) {
    assertThatThrownBy(() -> Rules.serviceName(name))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400));
  }

  @Test
  void wellFormedInstancePasses() {
    Instance inst = Instance.of("http", "127.0.0.1:8080", Map.of());

    assertThat(Rules.instance(inst.id(), inst)).isEqualTo(inst);
  }

  @Test
  void ipv6AddressInBracketsPasses() {
    Instance inst = Instance.of("tcp", "[::1]:5432", null);

    assertThat(Rules.instance(inst.id(), inst)).isEqualTo(inst);
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({
    "HTTP, 127.0.0.1:80, proto",
    "'', 127.0.0.1:80, proto",
    "http, 127.0.0.1, addr",
    "http, 127.0.0.1:http, addr",
    "http, 127.0.0.1:70000, addr",
    "http, ::1:80, addr",
    "http, :80, addr",
  })
  void malformedInstanceIsRejectedNamingTheField(String proto, String addr, String field) {
    Instance inst = new Instance(Instance.idFor(proto, addr), addr, proto, null, null);

    assertThatThrownBy(() -> Rules.instance(inst.id(), inst))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.error().field()).isEqualTo(field));
  }

  @Test
  void wrongIdIsRejectedWithTheExpectedOne() {
    Instance inst = new Instance("deadbeef", "127.0.0.1:80", "http", null, null);

    assertThatThrownBy(() -> Rules.instance("deadbeef", inst))
        .hasMessageContaining(Instance.idFor("http", "127.0.0.1:80"));
  }

  @Test
  void pathIdMustMatchBodyId() {
    Instance inst = Instance.of("http", "127.0.0.1:80", null);

    assertThatThrownBy(() -> Rules.instance("other", inst))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.error().field()).isEqualTo("id"));
  }

  @Test
  void missingLeaderTypeMeansOldest() {
    assertThat(Rules.config(null)).isEqualTo(ServiceConfig.oldest());
    assertThat(Rules.config(new ServiceConfig(null))).isEqualTo(ServiceConfig.oldest());
  }

  @ParameterizedTest
  @ValueSource(strings = {"manual", "newest"})
  void otherLeaderTypesAreRejected(String type) {
    assertThatThrownBy(() -> Rules.config(new ServiceConfig(type)))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.error().field()).isEqualTo("leader_type"));
  }
}

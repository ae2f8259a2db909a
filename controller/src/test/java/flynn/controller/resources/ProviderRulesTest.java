package flynn.controller.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import flynn.api.controller.Provider;
import flynn.api.http.ApiException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProviderRulesTest {
  @ParameterizedTest
  @ValueSource(strings = {"postgres", "mysql", "redis-2", "a"})
  void dnsLabelNamesAreAccepted(String name) {
    assertThat(ProviderRules.checked(Provider.of(" " + name, "http://x/")).name()).isEqualTo(name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Postgres", "pg sql", "-pg", "pg-", "pg_sql"})
  void otherNamesAreAValidationErrorOnName(String name) {
    assertThatThrownBy(() -> ProviderRules.checked(Provider.of(name, "http://x/")))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.error().field()).isEqualTo("name");
            });
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"http://127.0.0.1:5000", "https://postgres-api.discoverd/", "http://h:1/p/"})
  void httpUrlsWithAHostAreAccepted(String url) {
    assertThat(ProviderRules.checked(Provider.of("pg", url)).url()).isEqualTo(url);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''|must not be blank",
        "ftp://h/|http:// or https://",
        "/relative|http:// or https://",
        "http://h/?a=1|query",
        "http://h /|not a URL"
      })
  void otherUrlsAreAValidationErrorSayingWhy(String url, String why) {
    assertThatThrownBy(() -> ProviderRules.checked(Provider.of("pg", url)))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.error().field()).isEqualTo("url");
              assertThat(e.getMessage()).contains(why);
            });
  }
}

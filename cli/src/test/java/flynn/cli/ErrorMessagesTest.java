package flynn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import flynn.api.http.ApiException;
import org.junit.jupiter.api.Test;

class ErrorMessagesTest {
  @Test
  void unauthorizedPointsAtTheClusterKey() {
    assertThat(ErrorMessages.describe(ApiException.unauthorized()))
        .isEqualTo("unauthorized: check the cluster key (flynn cluster add)");
  }

  @Test
  void unreachableControllerNamesItsUrl() {
    ApiException down =
        new ApiException(
            503,
            ApiException.SERVICE_UNAVAILABLE,
            "cannot reach http://controller.localhost:8081: connection refused",
            null);

    assertThat(ErrorMessages.describe(down))
        .isEqualTo(
            "cannot reach controller at http://controller.localhost:8081 (connection refused)");
  }

  @Test
  void apiErrorsUseTheirMessage() {
    assertThat(ErrorMessages.describe(ApiException.notFound("app", "demo")))
        .isEqualTo("app not found: demo");
    assertThat(ErrorMessages.describe(ApiException.validation("name", "name is invalid")))
        .isEqualTo("name is invalid");
    assertThat(ErrorMessages.describe(new CliException("x"))).isEqualTo("x");
  }
}

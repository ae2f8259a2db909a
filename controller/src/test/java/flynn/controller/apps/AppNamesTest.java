package flynn.controller.apps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AppNamesTest {

  @ParameterizedTest
  @ValueSource(strings = {"a", "demo", "my-app-2", "0"})
  void validNames(String name) {
    assertThat(AppNames.isValid(name)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Demo", "-a", "a-", "a--b", "a_b", "a.b"})
  void invalidNames(String name) {
    assertThat(AppNames.isValid(name)).isFalse();
  }

  @Test
  void generatedNamesAreValid() {
    AppNames names = new AppNames(new Random(42));
    for (int i = 0; i < 100; i++) {
      assertThat(AppNames.isValid(names.generate())).isTrue();
    }
  }
}

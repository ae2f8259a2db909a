package flynn.appliances;

import static org.assertj.core.api.Assertions.assertThat;

import flynn.appliances.mysql.MysqlStatements;
import flynn.appliances.postgres.PostgresStatements;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class SecretsTest {
  private final Secrets secrets = new Secrets(new SecureRandom());

  @Test
  void namesAreValidForEveryServerAndPasswordsLongHex() {
    String name = secrets.name();
    assertThat(name).matches("r[0-9a-f]{20}");
    assertThat(PostgresStatements.isName(name)).isTrue();
    assertThat(MysqlStatements.isName(name)).isTrue();
    assertThat(secrets.password()).matches("[0-9a-f]{48}");
  }

  @Test
  void twoSecretsDiffer() {
    assertThat(secrets.password()).isNotEqualTo(secrets.password());
    assertThat(secrets.name()).isNotEqualTo(secrets.name());
  }
}

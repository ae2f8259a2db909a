package flynn.appliances.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PostgresStatementsTest {
  private static final String PASSWORD = "0123456789abcdef0123";

  @Test
  void aResourceIsAUserAndADatabaseItOwnsThatNoOneElseMayConnectTo() {
    assertThat(PostgresStatements.create("r0a1b2", PASSWORD))
        .containsExactly(
            "CREATE ROLE \"r0a1b2\" WITH LOGIN PASSWORD '" + PASSWORD + "'",
            "CREATE DATABASE \"r0a1b2\" OWNER \"r0a1b2\"",
            "REVOKE ALL ON DATABASE \"r0a1b2\" FROM PUBLIC");
  }

  @Test
  void droppingEndsSessionsAndToleratesWhatIsGone() {
    assertThat(PostgresStatements.drop("r0a1b2"))
        .containsExactly(
            "DROP DATABASE IF EXISTS \"r0a1b2\" WITH (FORCE)", "DROP ROLE IF EXISTS \"r0a1b2\"");
  }

  @Test
  void namesAndPasswordsThatCouldEscapeTheirQuotesAreRefused() {
    assertThat(PostgresStatements.isName("r0a1b2")).isTrue();
    assertThat(PostgresStatements.isName("x\"; DROP DATABASE postgres; --")).isFalse();
    assertThat(PostgresStatements.isName("Postgres")).isFalse();
    assertThatThrownBy(() -> PostgresStatements.drop("a\"b"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PostgresStatements.create("r1", "short"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PostgresStatements.create("r1", "0123456789abcdef' OR '1"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

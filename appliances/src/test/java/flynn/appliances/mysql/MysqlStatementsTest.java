package flynn.appliances.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MysqlStatementsTest {
  private static final String PASSWORD = "0123456789abcdef0123";

  @Test
  void aResourceIsAUserWithAllRightsOnItsOwnDatabaseOnly() {
    assertThat(MysqlStatements.create("r0a1", PASSWORD))
        .containsExactly(
            "CREATE USER 'r0a1'@'%' IDENTIFIED BY '" + PASSWORD + "'",
            "CREATE DATABASE `r0a1`",
            "GRANT ALL PRIVILEGES ON `r0a1`.* TO 'r0a1'@'%'");
  }

  @Test
  void theUserGoesBeforeItsDatabase() {
    assertThat(MysqlStatements.dropUser("r0a1")).isEqualTo("DROP USER IF EXISTS 'r0a1'@'%'");
    assertThat(MysqlStatements.dropDatabase("r0a1")).isEqualTo("DROP DATABASE IF EXISTS `r0a1`");
  }

  @Test
  void namesThatCouldEscapeTheirQuotesAreRefused() {
    assertThat(MysqlStatements.isName("r0a1")).isTrue();
    assertThat(MysqlStatements.isName("a`b")).isFalse();
    assertThatThrownBy(() -> MysqlStatements.dropUser("x'@'%"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

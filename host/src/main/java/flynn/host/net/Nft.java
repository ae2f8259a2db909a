package flynn.host.net;

import flynn.host.runc.Command;
import flynn.host.runc.Tools;
import java.io.IOException;
import java.util.List;

/** The {@code nft} tool, for the one table the firewall owns. */
final class Nft {
  private final String binary;

  Nft(String binary) {
    this.binary = binary;
  }

  static Nft onHost() {
    return new Nft(Tools.find("nft"));
  }

  /** Runs an {@code nft -f} script as one transaction. */
  void apply(String script) throws IOException {
    Command.check(List.of(binary, "-f", "-"), script);
  }

  /** Deletes {@code inet <table>}; false when there was none. */
  boolean deleteTable(String table) throws IOException {
    if (!tableExists(table)) {
      return false;
    }
    Command.check(List.of(binary, "delete", "table", "inet", table));
    return true;
  }

  boolean tableExists(String table) throws IOException {
    return Command.run(List.of(binary, "list", "table", "inet", table)).ok();
  }
}

package flynn.appliances.platform;

/** How a provider logs in to its appliance's server to make and drop databases. */
public record Superuser(ServerAddress address, String user, String password) {
  @Override
  public String toString() {
    return "Superuser[address=" + address + ", user=" + user + "]"; // never the password
  }
}

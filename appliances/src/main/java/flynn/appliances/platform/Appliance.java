package flynn.appliances.platform;

/** A shared database server (postgres, mysql) a provider makes its databases in. */
@FunctionalInterface
public interface Appliance {
  /**
   * The server's address and superuser, once it accepts that login: started first if it does not
   * run yet (minutes the first time, when the stack image is built).
   *
   * @throws flynn.api.http.ApiException unavailable when it does not come up in time
   */
  Superuser superuser();
}

package flynn.appliances.platform;

import java.util.Optional;

/** A shared database server (postgres, mysql) a provider makes its databases in. */
public interface Appliance {
  /**
   * The server's address and superuser, once it accepts that login: started first if it does not
   * run yet (minutes the first time, when the stack image is built).
   *
   * @throws flynn.api.http.ApiException unavailable when it does not come up in time
   */
  Superuser superuser();

  /**
   * As {@link #superuser()}, but only when the appliance was created: an appliance that never ran,
   * or was deleted, holds no database to drop and is not started for that.
   */
  Optional<Superuser> existingSuperuser();
}

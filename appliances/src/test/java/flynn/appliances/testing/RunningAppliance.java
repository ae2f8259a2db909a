package flynn.appliances.testing;

import flynn.appliances.platform.Appliance;
import flynn.appliances.platform.Superuser;
import java.util.Optional;
import java.util.function.Supplier;

/** An appliance whose server the test started itself: always there. */
public record RunningAppliance(Supplier<Superuser> superuserOnceReady) implements Appliance {
  @Override
  public Superuser superuser() {
    return superuserOnceReady.get();
  }

  @Override
  public Optional<Superuser> existingSuperuser() {
    return Optional.of(superuser());
  }
}

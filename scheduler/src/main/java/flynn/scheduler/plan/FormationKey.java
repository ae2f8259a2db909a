package flynn.scheduler.plan;

import java.util.Comparator;

/**
 * Identifies a formation: one release of one app. A one-off job run in artifacts only (a build
 * before the app's first release) has a null release.
 */
public record FormationKey(String app, String release) implements Comparable<FormationKey> {
  private static final Comparator<FormationKey> ORDER =
      Comparator.comparing(FormationKey::app)
          .thenComparing(FormationKey::release, Comparator.nullsFirst(Comparator.naturalOrder()));

  @Override
  public int compareTo(FormationKey other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return app + "/" + release;
  }
}

package flynn.cli.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScaleSpecTest {
  static final Set<String> TYPES = Set.of("web", "worker", "db");

  @Test
  void parsesCountsAndTags() {
    ScaleSpec spec = ScaleSpec.parse(List.of("web=3", "db=2,disk=ssd,active"), TYPES);

    assertThat(spec.processes()).containsExactlyInAnyOrderEntriesOf(Map.of("web", 3, "db", 2));
    assertThat(spec.tags())
        .containsExactlyEntriesOf(Map.of("db", Map.of("disk", "ssd", "active", "true")));
  }

  @Test
  void rejectsMalformedArgumentsWithFlynnsMessages() {
    assertThatThrownBy(() -> ScaleSpec.parse(List.of("web"), TYPES))
        .hasMessageStartingWith("scale args must be of the form <typ>=<spec>");
    assertThatThrownBy(() -> ScaleSpec.parse(List.of("web=x"), TYPES))
        .hasMessage("could not parse quantity in \"web=x\"");
    assertThatThrownBy(() -> ScaleSpec.parse(List.of("web=-1"), TYPES))
        .hasMessage("process quantities cannot be negative in \"web=-1\"");
    assertThatThrownBy(() -> ScaleSpec.parse(List.of("web=1", "foo=1", "bar=2"), TYPES))
        .hasMessage("unknown process types: \"foo\", \"bar\"");
  }

  @Test
  void noOpWhenEveryRequestedCountIsAlreadyCurrent() {
    Map<String, Integer> current = Map.of("web", 3);

    assertThat(ScaleSpec.parse(List.of("web=3", "worker=0"), TYPES).isNoOp(current)).isTrue();
    assertThat(ScaleSpec.parse(List.of("web=2"), TYPES).isNoOp(current)).isFalse();
    assertThat(ScaleSpec.parse(List.of("web=3,disk=ssd"), TYPES).isNoOp(current)).isFalse();
  }

  @Test
  void formationLinesListReleaseTypesSorted() {
    assertThat(FormationLine.counts(TYPES, Map.of("web", 3))).isEqualTo("db=0 web=3 worker=0");
    assertThat(
            FormationLine.scaling(
                TYPES, Map.of("web", 4, "worker", 2), Map.of("web", 2, "worker", 5, "db", 0)))
        .isEqualTo("scaling web: 4=>2, worker: 2=>5");
  }
}

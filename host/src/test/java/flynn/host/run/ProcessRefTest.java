package flynn.host.run;

import static org.assertj.core.api.Assertions.assertThat;

import flynn.api.Json;
import org.junit.jupiter.api.Test;

class ProcessRefTest {
  @Test
  void aContainerNameIsKeptAcrossTheStateFileAndOldRecordsHaveNone() {
    ProcessRef ref = new ProcessRef(42, 42, 1234, "flynn-0123456789");

    assertThat(Json.read(Json.write(ref), ProcessRef.class)).isEqualTo(ref);
    assertThat(Json.read("{\"pid\":7,\"pgid\":7,\"start_time\":9}", ProcessRef.class))
        .isEqualTo(new ProcessRef(7, 7, 9));
    assertThat(Json.write(new ProcessRef(7, 7, 9))).doesNotContain("container");
  }
}

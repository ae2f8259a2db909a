package flynn.api.controller;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * Moving an app from one release to another with a strategy (Flynn's {@code ct.Deployment}): the
 * body of {@code POST /apps/:id/deploy}'s answer, {@code GET /deployments/:id} and the list of
 * {@code GET /apps/:id/deployments}.
 */
public record Deployment(
    @JsonProperty("id") String id,
    @JsonProperty("app") String app,
    @JsonProperty("old_release") String oldRelease,
    @JsonProperty("new_release") String newRelease,
    @JsonProperty("strategy") String strategy,
    @JsonProperty("status") String status,
    @JsonProperty("processes") Map<String, Integer> processes,
    @JsonProperty("tags") Map<String, Map<String, String>> tags,
    @JsonProperty("deploy_timeout") Integer deployTimeout,
    @JsonProperty("deploy_batch_size") Integer deployBatchSize,
    @JsonProperty("created_at") OffsetDateTime createdAt,
    @JsonProperty("finished_at") OffsetDateTime finishedAt) {
  public static final String PENDING = "pending";
  public static final String RUNNING = "running";
  public static final String COMPLETE = "complete";
  public static final String FAILED = "failed";

  /** Flynn's strategies; an app's {@code strategy} names one, all-at-once when empty. */
  public static final String ALL_AT_ONCE = "all-at-once";

  public static final String ONE_BY_ONE = "one-by-one";
  public static final String ONE_DOWN_ONE_UP = "one-down-one-up";
  public static final String IN_BATCHES = "in-batches";

  /** Every strategy the deployer runs. */
  public static final java.util.Set<String> STRATEGIES =
      java.util.Set.of(ALL_AT_ONCE, ONE_BY_ONE, ONE_DOWN_ONE_UP, IN_BATCHES);

  /** App meta key of the batch size of in-batches deployments (Flynn's). */
  public static final String META_BATCH_SIZE = "flynn-deploy-batch-size";

  public boolean finished() {
    return COMPLETE.equals(status) || FAILED.equals(status);
  }
}

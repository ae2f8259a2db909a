package flynn.api.controller;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One step of a deployment (Flynn's {@code ct.DeploymentEvent}), the {@code data} of an event of
 * object type {@code deployment}: the deployment's status, and for a job that went up or down its
 * type and state; {@code error} says why a failed deployment failed.
 */
public record DeploymentEvent(
    @JsonProperty("app") String app,
    @JsonProperty("deployment") String deployment,
    @JsonProperty("release") String release,
    @JsonProperty("status") String status,
    @JsonProperty("job_type") String jobType,
    @JsonProperty("job_state") String jobState,
    @JsonProperty("error") String error) {}

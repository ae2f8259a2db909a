package flynn.controller.jobs;

import flynn.api.controller.Job;
import flynn.api.controller.NewJob;
import flynn.controller.web.Params;
import flynn.http.Bodies;
import flynn.http.Responses;
import io.helidon.webserver.http.HttpRouting;

/** {@code /apps/:id/jobs} and {@code /active-jobs}. */
public final class JobHandler {
  private final JobService jobs;

  public JobHandler(JobService jobs) {
    this.jobs = jobs;
  }

  public void routes(HttpRouting.Builder r) {
    r.get(
        "/apps/{app}/jobs", (req, res) -> Responses.json(res, jobs.list(Params.path(req, "app"))));
    r.post(
        "/apps/{app}/jobs",
        (req, res) ->
            Responses.json(res, jobs.run(Params.path(req, "app"), Bodies.read(req, NewJob.class))));
    r.get(
        "/apps/{app}/jobs/{job}",
        (req, res) ->
            Responses.json(res, jobs.get(Params.path(req, "app"), Params.path(req, "job"))));
    r.put(
        "/apps/{app}/jobs/{job}",
        (req, res) ->
            Responses.json(
                res,
                jobs.put(
                    Params.path(req, "app"),
                    Params.path(req, "job"),
                    Bodies.read(req, Job.class))));
    r.delete(
        "/apps/{app}/jobs/{job}",
        (req, res) -> {
          jobs.kill(Params.path(req, "app"), Params.path(req, "job"));
          res.status(200).send();
        });
    r.get("/active-jobs", (req, res) -> Responses.json(res, jobs.listActive()));
  }
}

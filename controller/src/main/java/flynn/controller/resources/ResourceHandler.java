package flynn.controller.resources;

import flynn.api.controller.Resource;
import flynn.api.controller.ResourceReq;
import flynn.controller.web.Params;
import flynn.http.Bodies;
import flynn.http.Responses;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;

/** Flynn's resource routes: under a provider (id or name), all of them, and an app's. */
public final class ResourceHandler {
  private static final String ALL_OF_PROVIDER = "/providers/{provider}/resources";
  private static final String ONE = ALL_OF_PROVIDER + "/{id}";
  private static final String APP_LINK = ONE + "/apps/{app}";

  private final ResourceService resources;

  public ResourceHandler(ResourceService resources) {
    this.resources = resources;
  }

  public void routes(HttpRouting.Builder r) {
    r.post(
        ALL_OF_PROVIDER,
        (req, res) ->
            Responses.json(
                res, resources.provision(provider(req), Bodies.read(req, ResourceReq.class))));
    r.get(ALL_OF_PROVIDER, (req, res) -> Responses.json(res, resources.list(provider(req))));
    r.get(ONE, (req, res) -> Responses.json(res, resources.get(provider(req), id(req))));
    r.put(
        ONE,
        (req, res) ->
            Responses.json(
                res, resources.put(provider(req), id(req), Bodies.read(req, Resource.class))));
    r.delete(ONE, (req, res) -> Responses.json(res, resources.delete(provider(req), id(req))));
    r.put(
        APP_LINK,
        (req, res) -> Responses.json(res, resources.addApp(provider(req), id(req), app(req))));
    r.delete(
        APP_LINK,
        (req, res) -> Responses.json(res, resources.removeApp(provider(req), id(req), app(req))));
    r.get("/resources", (req, res) -> Responses.json(res, resources.listAll()));
    r.get(
        "/apps/{app}/resources", (req, res) -> Responses.json(res, resources.listForApp(app(req))));
  }

  private static String provider(ServerRequest req) {
    return Params.path(req, "provider");
  }

  private static String id(ServerRequest req) {
    return Params.path(req, "id");
  }

  private static String app(ServerRequest req) {
    return Params.path(req, "app");
  }
}

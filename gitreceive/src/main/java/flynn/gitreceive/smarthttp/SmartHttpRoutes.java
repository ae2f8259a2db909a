package flynn.gitreceive.smarthttp;

import flynn.api.controller.App;
import flynn.api.http.ApiException;
import flynn.gitreceive.apps.AppLookup;
import flynn.gitreceive.push.AppBuildLocks;
import flynn.gitreceive.push.DeployHook;
import flynn.gitreceive.push.PushDeploy;
import flynn.gitreceive.repos.Repositories;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.PacketLineOut;
import org.eclipse.jgit.transport.ReceivePack;
import org.eclipse.jgit.transport.RefAdvertiser.PacketLineOutRefAdvertiser;
import org.eclipse.jgit.transport.UploadPack;

/**
 * Git's smart HTTP protocol for {@code /<app>.git}: the ref advertisement ({@code GET
 * info/refs?service=...}), pushes ({@code POST git-receive-pack}, deployed by the {@link
 * DeployHook}) and fetches ({@code POST git-upload-pack}). Bodies are streamed both ways.
 */
public final class SmartHttpRoutes {
  private final AppLookup apps;
  private final Repositories repos;
  private final PushDeploy deploy;
  private final AppBuildLocks locks = new AppBuildLocks();

  public SmartHttpRoutes(AppLookup apps, Repositories repos, PushDeploy deploy) {
    this.apps = apps;
    this.repos = repos;
    this.deploy = deploy;
  }

  public void routes(HttpRouting.Builder r) {
    r.get("/{repo}/info/refs", this::advertise);
    r.post("/{repo}/git-receive-pack", (req, res) -> serve(req, res, GitService.RECEIVE_PACK));
    r.post("/{repo}/git-upload-pack", (req, res) -> serve(req, res, GitService.UPLOAD_PACK));
  }

  private void advertise(ServerRequest req, ServerResponse res) throws IOException {
    GitService service =
        req.query()
            .first("service")
            .asOptional()
            .flatMap(GitService::named)
            .orElseThrow(() ->
                new ApiException(
                    403, "forbidden", "only git's smart HTTP protocol is served", null));
    start(res, service.advertisementType());
    try (OutputStream out = res.outputStream()) {
      PacketLineOut pkt = PktLine.serviceHeader(out, service);
      Optional<App> app = app(req);
      if (app.isEmpty()) {
        PktLine.error(pkt, unknownApp(req));
        return;
      }
      try (Repository repo = repos.open(app.get().id())) {
        PacketLineOutRefAdvertiser refs = new PacketLineOutRefAdvertiser(pkt);
        if (service == GitService.RECEIVE_PACK) {
          ReceivePack rp = new ReceivePack(repo);
          rp.setBiDirectionalPipe(false);
          rp.sendAdvertisedRefs(refs);
        } else {
          try (UploadPack up = new UploadPack(repo)) {
            up.setBiDirectionalPipe(false);
            up.sendAdvertisedRefs(refs);
          }
        }
      }
    }
  }

  private void serve(ServerRequest req, ServerResponse res, GitService service) throws IOException {
    start(res, service.resultType());
    Optional<App> app = app(req);
    try (InputStream in = req.content().inputStream();
        ClientStream out = new ClientStream(res.outputStream())) {
      if (app.isEmpty()) {
        PktLine.error(new PacketLineOut(out), unknownApp(req));
        return;
      }
      try (Repository repo = repos.open(app.get().id())) {
        if (service == GitService.RECEIVE_PACK) {
          ReceivePack rp = new ReceivePack(repo);
          rp.setBiDirectionalPipe(false);
          rp.setPreReceiveHook(new DeployHook(app.get(), deploy, locks, out));
          rp.receive(in, out, null);
        } else {
          try (UploadPack up = new UploadPack(repo)) {
            up.setBiDirectionalPipe(false);
            up.upload(in, out, null);
          }
        }
      }
    }
  }

  private static void start(ServerResponse res, String contentType) {
    res.header(HeaderNames.CONTENT_TYPE, contentType);
    res.header(HeaderNames.CACHE_CONTROL, "no-cache, max-age=0, must-revalidate");
  }

  private Optional<App> app(ServerRequest req) {
    return RepoName.app(req.path().pathParameters().get("repo")).flatMap(apps::find);
  }

  private static String unknownApp(ServerRequest req) {
    String repo = req.path().pathParameters().get("repo");
    String name = RepoName.app(repo).orElse(repo);
    return "no app named " + name + " exists: create it with flynn create " + name;
  }
}

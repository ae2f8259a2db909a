package flynn.gitreceive.smarthttp;

import java.util.Optional;

/** The two services of git's smart HTTP protocol. */
enum GitService {
  RECEIVE_PACK("git-receive-pack"),
  UPLOAD_PACK("git-upload-pack");

  final String name;

  GitService(String name) {
    this.name = name;
  }

  static Optional<GitService> named(String name) {
    for (GitService s : values()) {
      if (s.name.equals(name)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  String advertisementType() {
    return "application/x-" + name + "-advertisement";
  }

  String resultType() {
    return "application/x-" + name + "-result";
  }
}

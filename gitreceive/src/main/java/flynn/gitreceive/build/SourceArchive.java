package flynn.gitreceive.build;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * {@code git archive} of a commit as a tar, entries relative to the repository root, without the
 * paths its {@code .slugignore} names. A tree walk rather than JGit's ArchiveCommand, which can
 * only include paths, not leave them out.
 */
public final class SourceArchive {
  private static final int EXECUTABLE = 0755;
  private static final int REGULAR = 0644;

  private SourceArchive() {}

  /** Writes the commit's tree to {@code tar}; returns the number of files written. */
  public static int write(Repository repo, String commit, Path tar) throws IOException {
    try (RevWalk walk = new RevWalk(repo);
        OutputStream out = Files.newOutputStream(tar);
        TarArchiveOutputStream archive = new TarArchiveOutputStream(out)) {
      archive.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      archive.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      RevCommit rev = walk.parseCommit(repo.resolve(commit));
      SlugIgnore ignore = slugIgnore(repo, rev);
      int files = 0;
      try (TreeWalk tree = new TreeWalk(repo)) {
        tree.addTree(rev.getTree());
        tree.setRecursive(false);
        while (tree.next()) {
          String path = tree.getPathString();
          boolean dir = tree.isSubtree();
          if (ignore.ignores(path, dir)) {
            continue;
          }
          if (dir) {
            tree.enterSubtree();
            continue;
          }
          if (entry(repo, archive, path, tree.getFileMode(0), tree.getObjectId(0), rev)) {
            files++;
          }
        }
      }
      archive.finish();
      return files;
    }
  }

  private static boolean entry(
      Repository repo,
      TarArchiveOutputStream archive,
      String path,
      FileMode mode,
      ObjectId id,
      RevCommit rev)
      throws IOException {
    if (mode == FileMode.GITLINK) {
      return false;
    }
    ObjectLoader blob = repo.open(id, Constants.OBJ_BLOB);
    TarArchiveEntry entry;
    if (mode == FileMode.SYMLINK) {
      entry = new TarArchiveEntry(path, TarArchiveEntry.LF_SYMLINK);
      entry.setLinkName(new String(blob.getBytes(), StandardCharsets.UTF_8));
    } else {
      entry = new TarArchiveEntry(path);
      entry.setMode(mode == FileMode.EXECUTABLE_FILE ? EXECUTABLE : REGULAR);
      entry.setSize(blob.getSize());
    }
    entry.setModTime(rev.getCommitTime() * 1000L);
    archive.putArchiveEntry(entry);
    if (mode != FileMode.SYMLINK) {
      blob.copyTo(archive);
    }
    archive.closeArchiveEntry();
    return true;
  }

  private static SlugIgnore slugIgnore(Repository repo, RevCommit rev) throws IOException {
    try (TreeWalk file = TreeWalk.forPath(repo, SlugIgnore.FILE, rev.getTree())) {
      if (file == null) {
        return SlugIgnore.none();
      }
      byte[] text = repo.open(file.getObjectId(0), Constants.OBJ_BLOB).getBytes();
      return SlugIgnore.parse(new String(text, StandardCharsets.UTF_8));
    }
  }
}

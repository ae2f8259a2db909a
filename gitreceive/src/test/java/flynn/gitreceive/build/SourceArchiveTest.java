package flynn.gitreceive.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceArchiveTest {
  @TempDir Path tmp;

  @Test
  void theCommitsFilesAreArchivedWithoutTheSlugignoredOnes() throws Exception {
    Path work = tmp.resolve("work");
    try (Git git = Git.init().setDirectory(work.toFile()).call()) {
      write(work, "index.html", "hi");
      write(work, "bin/run", "#!/bin/sh");
      work.resolve("bin/run").toFile().setExecutable(true);
      write(work, "docs/big.pdf", "pdf");
      write(work, ".slugignore", "docs/\n");
      git.add().addFilepattern(".").call();
      RevCommit commit = git.commit().setMessage("app").setSign(false).call();

      Path tar = tmp.resolve("source.tar");
      int files = SourceArchive.write(git.getRepository(), commit.name(), tar);

      Map<String, Integer> modes = entries(tar);
      assertThat(modes).containsOnlyKeys("index.html", "bin/run", ".slugignore");
      assertThat(modes.get("bin/run") & 0111).isNotZero();
      assertThat(files).isEqualTo(3);
    }
  }

  private static void write(Path root, String file, String text) throws Exception {
    Files.createDirectories(root.resolve(file).getParent());
    Files.writeString(root.resolve(file), text);
  }

  private static Map<String, Integer> entries(Path tar) throws Exception {
    Map<String, Integer> modes = new HashMap<>();
    try (InputStream in = Files.newInputStream(tar);
        TarArchiveInputStream archive = new TarArchiveInputStream(in)) {
      for (TarArchiveEntry e = archive.getNextEntry(); e != null; e = archive.getNextEntry()) {
        modes.put(e.getName(), e.getMode());
      }
    }
    return modes;
  }
}

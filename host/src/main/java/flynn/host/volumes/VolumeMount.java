package flynn.host.volumes;

import java.nio.file.Path;

/** A volume's directory on the host ({@code source}) to be seen by a job at {@code target}. */
public record VolumeMount(Path source, String target, boolean writeable) {}

package flynn.cli.docker;

import java.util.List;

/** An image read from an archive or layout: its layers, bottom first, and its run settings. */
public record LocalImage(List<LocalLayer> layers, ImageConfig config) {}

package flynn.cli;

import picocli.CommandLine.IVersionProvider;

/** The CLI's version, from its jar manifest ("dev" when run from classes). */
public final class CliVersion implements IVersionProvider {
  public static String current() {
    String v = CliVersion.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  @Override
  public String[] getVersion() {
    return new String[] {"flynn-cli " + current()};
  }
}

package flynn.cli;

/** {@code flynn [-a <app>] [-c <cluster>]}: null when not given. */
public record GlobalOptions(String app, String cluster) {}

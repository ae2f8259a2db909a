package flynn.cli.db;

/**
 * A database appliance as the CLI knows it: the provider that provisions its resources, the stack
 * image holding its client programs, and what a user calls one of its resources.
 */
record Appliance(String provider, String stack, String noun) {
  static final Appliance POSTGRES = new Appliance("postgres", "postgres", "postgres database");
  static final Appliance MYSQL = new Appliance("mysql", "mariadb", "mysql database");
  static final Appliance REDIS = new Appliance("redis", "redis", "redis server");

  /** What to tell the user whose app has no resource of this appliance. */
  String missingFrom(String app) {
    return "app " + app + " has no " + noun + ": flynn resource add " + provider;
  }
}

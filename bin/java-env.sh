# Sourced by bin/flynn and bin/flynn-host: finds a JDK >= 21 and builds what is missing.
# Sets FLYNN_ROOT and JAVA.

FLYNN_ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"

flynn_java_version() {
  # prints the feature version of the java at $1 (e.g. 25), or nothing
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

flynn_find_java() {
  local candidate v
  for candidate in ${JAVA_HOME:+"$JAVA_HOME/bin/java"} /usr/lib/jvm/*/bin/java; do
    [ -x "$candidate" ] || continue
    v="$(flynn_java_version "$candidate")"
    if [ -n "$v" ] && [ "$v" -ge 21 ]; then
      JAVA="$candidate"
      JAVA_FEATURE="$v"
      return 0
    fi
  done
  return 1
}

flynn_require_java() {
  flynn_find_java && return 0
  echo "$(basename "$0"): no JDK 21 or newer found (looked at \$JAVA_HOME and /usr/lib/jvm/*)." >&2
  echo "  Install one (for example Temurin 21+, or openjdk-21-jdk-headless where your distribution has it)" >&2
  echo "  and set JAVA_HOME to it." >&2
  exit 1
}

# flynn_build JAR...: builds the project once when one of the jars is missing.
flynn_build() {
  local missing=0 jar
  for jar in "$@"; do [ -f "$jar" ] || missing=1; done
  [ "$missing" = 1 ] || return 0
  echo "$(basename "$0"): building Flynn (first run only; this takes a few minutes)..." >&2
  (cd "$FLYNN_ROOT" && JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$JAVA")")")" \
    ./mvnw -q -B -DskipTests -Dspotless.check.skip=true package -pl node,cli -am) >&2 || {
    echo "$(basename "$0"): build failed (see above)" >&2
    exit 1
  }
}

# Helpers the built-in buildpacks share (sourced from their bin/ scripts).

step() { echo "-----> $*"; }
say() { echo "       $*"; }

# Exports the app's env (Heroku's ENV_DIR) to the build, except what would break it.
export_env_dir() {
  local dir=$1 file name
  [[ -d $dir ]] || return 0
  for file in "$dir"/*; do
    name=$(basename "$file")
    [[ $name =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || continue
    [[ $name =~ ^(PATH|GIT_DIR|CPATH|CPPATH|LD_PRELOAD|LIBRARY_PATH|LD_LIBRARY_PATH|HOME|BUILDPACK_URL)$ ]] && continue
    export "$name=$(cat "$file")"
  done
}

# Writes a profile.d script the slugrunner sources before the app starts.
write_profile() {
  local build=$1 name=$2
  mkdir -p "$build/.profile.d"
  cat >"$build/.profile.d/$name.sh"
}

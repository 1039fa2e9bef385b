# Sourced by every deploy/bin script: run from the checkout with its virtualenv and
# production settings, whoever starts the script (systemd, the container, cron, an
# operator, CI). Settings come from the environment; variables not set there are read
# from the env file PORTAL_ENV_FILE (default /etc/portal-langkat/portal.env) when it
# exists: KEY=value lines, taken literally (no quotes, no shell expansion), # comments.
BIN_DIR=$(cd "$(dirname "$0")" && pwd)
cd "$BIN_DIR/../.."
env_file="${PORTAL_ENV_FILE:-/etc/portal-langkat/portal.env}"
if [ -r "$env_file" ]; then
  while IFS= read -r line || [ -n "$line" ]; do
    case "$line" in '' | '#'*) continue ;; esac
    name=${line%%=*}
    [ "$name" != "$line" ] || continue
    case "$name" in '' | [0-9]* | *[!A-Za-z0-9_]*) continue ;; esac
    eval "is_set=\${$name+yes}"
    [ -n "$is_set" ] || export "$line"
  done <"$env_file"
elif [ -n "${PORTAL_ENV_FILE:-}" ]; then
  echo "$0: cannot read PORTAL_ENV_FILE $PORTAL_ENV_FILE" >&2
  exit 1
fi
export DJANGO_SETTINGS_MODULE="${DJANGO_SETTINGS_MODULE:-config.settings.production}"
VENV_BIN="${VENV_BIN:-$PWD/.venv/bin}"

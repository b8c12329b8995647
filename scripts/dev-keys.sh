#!/bin/sh
# Prints a .env for docker-compose.yml with freshly generated development secrets:
#   sh scripts/dev-keys.sh > .env
# Every run makes new keys (signing in again is then needed). Nothing it prints belongs in the repository:
# .env is git-ignored. Set AUTH_WEBHOOK_URL to your SMS/e-mail relay to receive one-time codes.
set -eu
command -v openssl >/dev/null 2>&1 || { echo "dev-keys: openssl is needed" >&2; exit 1; }

signing_key=$(openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 2>/dev/null)
cat <<ENV
# Written by scripts/dev-keys.sh on $(date -u +%Y-%m-%dT%H:%M:%SZ). Development secrets: never commit this file.
AUTH_SIGNING_KEY="$signing_key"
AUTH_OTP_PEPPER=$(openssl rand -base64 48)
AUTH_WEBHOOK_URL=${AUTH_WEBHOOK_URL:-https://sms-relay.example/send}
AUTH_WEBHOOK_SECRET=$(openssl rand -base64 48)
MYSQL_ROOT_PASSWORD=$(openssl rand -hex 16)
MYSQL_PASSWORD=$(openssl rand -hex 16)
ENV

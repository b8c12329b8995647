# Sourced by the other scripts: makes the pnpm pinned in package.json available.
# corepack fails signature checks on some machines, so pnpm comes from npm instead.
want=$(node -p "require('./package.json').packageManager.split('@')[1]")
if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version 2>/dev/null)" != "$want" ]; then
  echo "› installing pnpm $want with npm"
  npm install --global --no-fund --no-audit "pnpm@$want" >/dev/null
fi

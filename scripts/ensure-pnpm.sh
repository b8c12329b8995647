# Sourced by the other scripts: makes the pnpm pinned in package.json available.
# corepack fails signature checks on some machines, so pnpm comes from npm instead: globally where npm may
# write there, otherwise into .tools/ inside the checkout (no root needed).
want=$(node -p "require('./package.json').packageManager.split('@')[1]")
if [ -x .tools/node_modules/.bin/pnpm ]; then PATH="$PWD/.tools/node_modules/.bin:$PATH"; export PATH; fi
if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version 2>/dev/null)" != "$want" ]; then
  echo "› installing pnpm $want with npm"
  if ! npm install --global --no-fund --no-audit "pnpm@$want" >/dev/null 2>&1; then
    npm install --no-save --no-fund --no-audit --prefix .tools "pnpm@$want" >/dev/null
    PATH="$PWD/.tools/node_modules/.bin:$PATH"; export PATH
  fi
fi

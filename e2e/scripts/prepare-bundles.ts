// Run by `pnpm test` before tap: the end-to-end tests start the services from their deploy bundles.
import { prepareBundles } from '../src/bundles.js'

prepareBundles()

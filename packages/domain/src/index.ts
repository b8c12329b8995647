export * from './locale.js'
export * from './errors.js'
export * from './ids.js'
export * from './media.js'

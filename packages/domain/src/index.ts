export * from './locale.js'
export * from './errors.js'

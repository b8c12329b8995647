import { AjvCompiler } from '@fastify/ajv-compiler'
import type { Static, TSchema } from '@sinclair/typebox'

export interface SuccessResponseDocs<T extends TSchema> {
  /** The response description in the document; without it @fastify/swagger writes "Default Response". */
  readonly description?: string
  /** One realistic answer. Typed here, and checked against the emitted schema by `checkSuccessResponses`. */
  readonly example: Static<T>
}

/**
 * A success response schema with its description and one example. @fastify/swagger turns a single `examples`
 * entry into the media type's `example` (OpenAPI 3.0), and the schema's `description` into the response's.
 * Serialization ignores both keywords.
 */
export function successResponse<T extends TSchema>(schema: T, docs: SuccessResponseDocs<T>): T {
  const description = docs.description ?? schema.description
  return { ...schema, ...(description === undefined ? {} : { description }), examples: [docs.example] }
}

export interface SuccessResponseReport {
  /** `METHOD /path status` of every success response with a JSON body whose example was validated. */
  readonly checked: string[]
  /** One sentence per broken promise; empty when the document keeps them all. */
  readonly problems: string[]
}

interface MediaObject {
  schema?: unknown
  example?: unknown
  examples?: Record<string, { value?: unknown }>
}
interface ResponseObject {
  description?: string
  content?: Record<string, MediaObject>
}
interface OpenApiDocument {
  paths?: Record<string, Record<string, { responses?: Record<string, ResponseObject> }>>
  components?: unknown
}

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'])
const isJson = (mediaType: string) => /^application\/(?:[\w.-]+\+)?json$/.test(mediaType)

/**
 * Checks what a reader of an OpenAPI 3.0 document is promised: no response is described as "Default Response",
 * every 2xx response has a description, every 2xx JSON body has an example, and every example validates against
 * the schema next to it (so an example cannot lie). Ajv reads OpenAPI 3.0's `nullable`; `$ref`s into
 * `#/components` resolve against the document's own components.
 */
export function checkSuccessResponses(document: unknown): SuccessResponseReport {
  const doc = document as OpenApiDocument
  // Strict about the data (no coercion, no defaults filled in, no properties dropped), lenient only about
  // OpenAPI's own keywords, which plain JSON Schema does not know.
  const compile = AjvCompiler()({}, {
    customOptions: {
      coerceTypes: false,
      useDefaults: false,
      removeAdditional: false,
      allErrors: true,
      strictTypes: false,
      keywords: ['example', 'components', 'xml', 'externalDocs', 'discriminator'],
    },
  })
  const checked: string[] = []
  const problems: string[] = []
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const [method, operation] of Object.entries(item)) {
      if (!HTTP_METHODS.has(method)) continue
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        const where = `${method.toUpperCase()} ${path} ${status}`
        if (response.description === 'Default Response') problems.push(`${where}: described as "Default Response"`)
        if (!/^2\d\d$/.test(status)) continue
        if (!response.description) problems.push(`${where}: no description`)
        for (const [mediaType, media] of Object.entries(response.content ?? {})) {
          if (!isJson(mediaType)) continue
          const examples = [
            ...('example' in media ? [media.example] : []),
            ...Object.values(media.examples ?? {}).map((named) => named.value),
          ]
          if (examples.length === 0) {
            problems.push(`${where}: ${mediaType} has no example`)
            continue
          }
          if (media.schema === undefined) {
            problems.push(`${where}: ${mediaType} has an example but no schema`)
            continue
          }
          const validate = compile({ schema: { ...(media.schema as object), components: doc.components } })
          for (const example of examples) {
            if (!validate(example)) {
              const errors = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ')
              problems.push(`${where}: the example does not match its schema: ${errors}`)
            }
          }
          checked.push(where)
        }
      }
    }
  }
  return { checked, problems }
}

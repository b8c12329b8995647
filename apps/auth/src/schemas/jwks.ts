import { type Static, Type } from '@sinclair/typebox'

export const PublicJwkSchema = Type.Object(
  {
    kty: Type.Literal('EC'),
    crv: Type.Literal('P-256'),
    x: Type.String(),
    y: Type.String(),
    kid: Type.String({ description: 'RFC 7638 thumbprint of the key' }),
    alg: Type.Literal('ES256'),
    use: Type.Literal('sig'),
  },
  { additionalProperties: false },
)

export const JwksSchema = Type.Object(
  { keys: Type.Array(PublicJwkSchema) },
  { $id: 'Jwks', additionalProperties: false, description: 'The public keys access tokens are signed with' },
)

export type JwksBody = Static<typeof JwksSchema>

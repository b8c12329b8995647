import { successResponse } from '@cp/service-kit'
import { MeSchema } from './account.js'
import { JwksSchema } from './jwks.js'
import { OtpRequestedSchema, TokenPairSchema } from './sign-in.js'

/**
 * The success responses as the OpenAPI document shows them: a description and one example each. The examples are
 * typed by the schemas and validated against the emitted document by test/openapi-examples.test.ts. The key and
 * the token below were made for this example and sign nothing real.
 */

const KEY_ID = 'L7zMfmD1q13ouIF6Dp_eWL5J20IetfA8BWuF6EqcyCs'

const tokenPair = {
  tokenType: 'Bearer' as const,
  accessToken:
    'eyJhbGciOiJFUzI1NiIsInR5cCI6ImF0K2p3dCIsImtpZCI6Ikw3ek1mbUQxcTEzb3VJRjZEcF9lV0w1SjIwSWV0ZkE4Qld1RjZFcWN5Q3MifQ.' +
    'eyJpc3MiOiJodHRwczovL2FwaS5leGFtcGxlLmNvbS92MS9hdXRoIiwic3ViIjoiMTAyNCIsImF1ZCI6WyJhdXRoIiwiY29uc3VsdGFudHMiLCJj' +
    'YXRhbG9nIl0sInJvbGUiOiJjdXN0b21lciIsInNpZCI6IjZmMWMyYjllLTNkNGEtNGI4ZS05YzcxLTJhNWQwZThmNGIxMyIsImlhdCI6MTc2NDc2' +
    'MzIwMCwiZXhwIjoxNzY0NzY0MTAwfQ.' +
    'giJgVnm-z9HOzPFoXsCRMRk9FNmQfTAm7Nt_Cj5WAR8hizw-rY9vqFIyAN9Ditf6W6wjZ8bDsioqhidcEU4zFQ',
  expiresIn: 900,
  refreshToken: '4gh6yG3NXLuGJ1ISUtt6CPo0oNTDsgoyPLguI76ZnCo',
  sessionId: '6f1c2b9e-3d4a-4b8e-9c71-2a5d0e8f4b13',
  user: { id: 1024, role: 'customer' as const, consultantId: null },
}

export const PasswordSignInResponse = successResponse(TokenPairSchema, {
  description: 'Signed in: a new session with its access and refresh tokens',
  example: tokenPair,
})

export const OtpVerifiedResponse = successResponse(TokenPairSchema, {
  description: 'The code was right: a new session with its access and refresh tokens',
  example: tokenPair,
})

export const RefreshedResponse = successResponse(TokenPairSchema, {
  description: 'The session goes on with a new access token and a new refresh token; the one sent is used up',
  example: { ...tokenPair, refreshToken: 'mJ0Qe3p8sVd2Lk7XyZr1Tq9uWb4Hc6Nf5Ga0Io2PeKs' },
})

export const OtpRequestedResponse = successResponse(OtpRequestedSchema, {
  example: { expiresIn: 300, resendAfter: 60 },
})

export const MeResponse = successResponse(MeSchema, {
  description: 'The signed-in account; `consultant` is set for a consultant session',
  example: {
    id: 1024,
    firstName: 'Sara',
    lastName: 'Alharbi',
    fullName: 'Sara Alharbi',
    email: 'sara@example.com',
    phone: '+966501234567',
    photoUrl: 'https://cdn.example.com/media/customers/1024/photo.jpg',
    gender: 'female',
    birthDate: '1994-03-18',
    language: 'ar',
    verified: true,
    createdAt: '2024-05-02T09:41:17.000Z',
    role: 'customer',
    consultant: null,
  },
})

export const JwksResponse = successResponse(JwksSchema, {
  example: {
    keys: [
      {
        kty: 'EC',
        crv: 'P-256',
        x: 'HfbCa96R_m2ARLmW8EM57yp4Adrg4Ej3B0qbC5UO3WU',
        y: 'HjGOQmrbv1xIoWw8PuPzoSM5W8xmYO6ooL07q1ccdUI',
        kid: KEY_ID,
        alg: 'ES256',
        use: 'sig',
      },
    ],
  },
})

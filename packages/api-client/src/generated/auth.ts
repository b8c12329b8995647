// Generated from openapi/auth.json by scripts/generate.ts. Do not edit: run `pnpm --filter @cp/api-client generate`.
export interface paths {
    "/v1/auth/.well-known/jwks.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The public keys that verify access tokens (JWKS)
         * @description Verifiers cache this document; a new key is published here before it starts signing and an old one stays until its tokens have expired.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The public keys access tokens are signed with */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "keys": [
                         *         {
                         *           "alg": "ES256",
                         *           "crv": "P-256",
                         *           "kid": "L7zMfmD1q13ouIF6Dp_eWL5J20IetfA8BWuF6EqcyCs",
                         *           "kty": "EC",
                         *           "use": "sig",
                         *           "x": "HfbCa96R_m2ARLmW8EM57yp4Adrg4Ej3B0qbC5UO3WU",
                         *           "y": "HjGOQmrbv1xIoWw8PuPzoSM5W8xmYO6ooL07q1ccdUI"
                         *         }
                         *       ]
                         *     }
                         */
                        "application/json": {
                            keys: {
                                /** @enum {string} */
                                alg: "ES256";
                                /** @enum {string} */
                                crv: "P-256";
                                /** @description RFC 7638 thumbprint of the key */
                                kid: string;
                                /** @enum {string} */
                                kty: "EC";
                                /** @enum {string} */
                                use: "sig";
                                x: string;
                                y: string;
                            }[];
                        };
                    };
                };
                /** @description COMMON_VALIDATION, COMMON_BAD_REQUEST */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description COMMON_RATE_LIMITED */
                429: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description COMMON_INTERNAL */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description COMMON_UNAVAILABLE */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/devices/current": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Register this session's push device token
         * @description One device per session (a new token replaces the session's previous one). A token registered by another account moves to this one. An account keeps at most 10 devices; registering more removes the least recently registered. Logout removes the session's device.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        platform: "ios" | "android" | "web";
                        /** @description The FCM or APNs push token */
                        token: string;
                    };
                };
            };
            responses: {
                /** @description Registered */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description COMMON_VALIDATION, COMMON_BAD_REQUEST */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description AUTH_SESSION_ENDED, COMMON_UNAUTHORIZED */
                401: {
                    headers: {
                        /** @description RFC 6750 challenge, e.g. Bearer error="invalid_token" */
                        "www-authenticate"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description AUTH_ACCOUNT_DISABLED, AUTH_CONSULTANT_CUSTOMER_MISSING, AUTH_CONSULTANT_CUSTOMER_DISABLED, AUTH_CONSULTANT_CONSULTANT_MISSING, AUTH_CONSULTANT_CONSULTANT_DISABLED, AUTH_CONSULTANT_ORDER_MISSING, AUTH_CONSULTANT_ORDER_PENDING, AUTH_CONSULTANT_ORDER_REJECTED, AUTH_CONSULTANT_CONTRACT_MISSING, AUTH_CONSULTANT_CONTRACT_NOT_STARTED, AUTH_CONSULTANT_CONTRACT_EXPIRED, AUTH_CONSULTANT_LICENSE_MISSING, AUTH_CONSULTANT_LICENSE_EXPIRED */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description COMMON_PAYLOAD_TOO_LARGE */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description COMMON_UNSUPPORTED_MEDIA_TYPE */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description COMMON_RATE_LIMITED */
                429: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description COMMON_INTERNAL */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description COMMON_UNAVAILABLE */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        /** Remove this session's push device token */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Removed (or there was none) */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description COMMON_VALIDATION, COMMON_BAD_REQUEST */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description AUTH_SESSION_ENDED, COMMON_UNAUTHORIZED */
                401: {
                    headers: {
                        /** @description RFC 6750 challenge, e.g. Bearer error="invalid_token" */
                        "www-authenticate"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description AUTH_ACCOUNT_DISABLED, AUTH_CONSULTANT_CUSTOMER_MISSING, AUTH_CONSULTANT_CUSTOMER_DISABLED, AUTH_CONSULTANT_CONSULTANT_MISSING, AUTH_CONSULTANT_CONSULTANT_DISABLED, AUTH_CONSULTANT_ORDER_MISSING, AUTH_CONSULTANT_ORDER_PENDING, AUTH_CONSULTANT_ORDER_REJECTED, AUTH_CONSULTANT_CONTRACT_MISSING, AUTH_CONSULTANT_CONTRACT_NOT_STARTED, AUTH_CONSULTANT_CONTRACT_EXPIRED, AUTH_CONSULTANT_LICENSE_MISSING, AUTH_CONSULTANT_LICENSE_EXPIRED */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description COMMON_RATE_LIMITED */
                429: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description COMMON_INTERNAL */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description COMMON_UNAVAILABLE */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End this session
         * @description Its refresh token stops working at once and its push device is removed. Access tokens run out within 15 minutes.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description COMMON_VALIDATION, COMMON_BAD_REQUEST */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description AUTH_SESSION_ENDED, COMMON_UNAUTHORIZED */
                401: {
                    headers: {
                        /** @description RFC 6750 challenge, e.g. Bearer error="invalid_token" */
                        "www-authenticate"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description AUTH_ACCOUNT_DISABLED, AUTH_CONSULTANT_CUSTOMER_MISSING, AUTH_CONSULTANT_CUSTOMER_DISABLED, AUTH_CONSULTANT_CONSULTANT_MISSING, AUTH_CONSULTANT_CONSULTANT_DISABLED, AUTH_CONSULTANT_ORDER_MISSING, AUTH_CONSULTANT_ORDER_PENDING, AUTH_CONSULTANT_ORDER_REJECTED, AUTH_CONSULTANT_CONTRACT_MISSING, AUTH_CONSULTANT_CONTRACT_NOT_STARTED, AUTH_CONSULTANT_CONTRACT_EXPIRED, AUTH_CONSULTANT_LICENSE_MISSING, AUTH_CONSULTANT_LICENSE_EXPIRED */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description COMMON_RATE_LIMITED */
                429: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description COMMON_INTERNAL */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description COMMON_UNAVAILABLE */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/logout/all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End every session of the account
         * @description Every refresh token of the account stops working and every push device of the account is removed.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description COMMON_VALIDATION, COMMON_BAD_REQUEST */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description AUTH_SESSION_ENDED, COMMON_UNAUTHORIZED */
                401: {
                    headers: {
                        /** @description RFC 6750 challenge, e.g. Bearer error="invalid_token" */
                        "www-authenticate"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description AUTH_ACCOUNT_DISABLED, AUTH_CONSULTANT_CUSTOMER_MISSING, AUTH_CONSULTANT_CUSTOMER_DISABLED, AUTH_CONSULTANT_CONSULTANT_MISSING, AUTH_CONSULTANT_CONSULTANT_DISABLED, AUTH_CONSULTANT_ORDER_MISSING, AUTH_CONSULTANT_ORDER_PENDING, AUTH_CONSULTANT_ORDER_REJECTED, AUTH_CONSULTANT_CONTRACT_MISSING, AUTH_CONSULTANT_CONTRACT_NOT_STARTED, AUTH_CONSULTANT_CONTRACT_EXPIRED, AUTH_CONSULTANT_LICENSE_MISSING, AUTH_CONSULTANT_LICENSE_EXPIRED */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description COMMON_RATE_LIMITED */
                429: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description COMMON_INTERNAL */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description COMMON_UNAVAILABLE */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The signed-in account
         * @description The customer profile; for a consultant session also the consultant profile.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The signed-in account; `consultant` is set for a consultant session */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "birthDate": "1994-03-18",
                         *       "consultant": null,
                         *       "createdAt": "2024-05-02T09:41:17.000Z",
                         *       "email": "sara@example.com",
                         *       "firstName": "Sara",
                         *       "fullName": "Sara Alharbi",
                         *       "gender": "female",
                         *       "id": 1024,
                         *       "language": "ar",
                         *       "lastName": "Alharbi",
                         *       "phone": "+966501234567",
                         *       "photoUrl": "https://cdn.example.com/media/customers/1024/photo.jpg",
                         *       "role": "customer",
                         *       "verified": true
                         *     }
                         */
                        "application/json": {
                            /** Format: date */
                            birthDate: string | null;
                            /** @description The consultant profile, for a consultant session; null for customers */
                            consultant: {
                                bio: string | null;
                                bios: {
                                    ar: string | null;
                                    en: string | null;
                                };
                                branchId: number | null;
                                categoryId: number | null;
                                id: number;
                                name: string;
                                online: boolean;
                                photoUrl: string | null;
                                price: number | null;
                                rating: number;
                                ratingCount: number;
                                title: string | null;
                                titles: {
                                    ar: string | null;
                                    en: string | null;
                                };
                                userId: number;
                            } | null;
                            /** Format: date-time */
                            createdAt: string;
                            email: string | null;
                            firstName: string;
                            fullName: string;
                            gender: "male" | "female" | (never | null);
                            /** @description The customer account id */
                            id: number;
                            language: "en" | "ar";
                            lastName: string;
                            phone: string | null;
                            photoUrl: string | null;
                            /** @description Sign in as a customer (default) or as a consultant (who must exist and be eligible) */
                            role: "customer" | "consultant";
                            verified: boolean;
                        };
                    };
                };
                /** @description COMMON_VALIDATION, COMMON_BAD_REQUEST */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description AUTH_SESSION_ENDED, COMMON_UNAUTHORIZED */
                401: {
                    headers: {
                        /** @description RFC 6750 challenge, e.g. Bearer error="invalid_token" */
                        "www-authenticate"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description AUTH_ACCOUNT_DISABLED, AUTH_CONSULTANT_CUSTOMER_MISSING, AUTH_CONSULTANT_CUSTOMER_DISABLED, AUTH_CONSULTANT_CONSULTANT_MISSING, AUTH_CONSULTANT_CONSULTANT_DISABLED, AUTH_CONSULTANT_ORDER_MISSING, AUTH_CONSULTANT_ORDER_PENDING, AUTH_CONSULTANT_ORDER_REJECTED, AUTH_CONSULTANT_CONTRACT_MISSING, AUTH_CONSULTANT_CONTRACT_NOT_STARTED, AUTH_CONSULTANT_CONTRACT_EXPIRED, AUTH_CONSULTANT_LICENSE_MISSING, AUTH_CONSULTANT_LICENSE_EXPIRED */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description COMMON_RATE_LIMITED */
                429: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description COMMON_INTERNAL */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description COMMON_UNAVAILABLE */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/otp/request": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a one-time sign-in code by SMS or e-mail
         * @description Always 202 with the same body, whether or not an account uses the destination. A code is valid 5 minutes; a new one replaces the previous one and may be asked for after 60 s. At most 5 codes per destination per hour and 10 per day, and 20 requests per client per hour.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description A mobile number (E.164, national, with 00, spaces, dashes or Arabic-Indic digits) or an e-mail address
                         * @example +966501234567
                         */
                        destination: string;
                        /** @description Sign in as a customer (default) or as a consultant (who must exist and be eligible) */
                        role?: "customer" | "consultant";
                    };
                };
            };
            responses: {
                /** @description Always the same answer, whether or not an account uses this destination */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "expiresIn": 300,
                         *       "resendAfter": 60
                         *     }
                         */
                        "application/json": {
                            /** @description Seconds a code stays valid */
                            expiresIn: number;
                            /** @description Seconds before another code may be requested */
                            resendAfter: number;
                        };
                    };
                };
                /** @description COMMON_VALIDATION, COMMON_BAD_REQUEST, AUTH_INVALID_DESTINATION */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description COMMON_PAYLOAD_TOO_LARGE */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description COMMON_UNSUPPORTED_MEDIA_TYPE */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description COMMON_RATE_LIMITED, AUTH_OTP_RESEND_TOO_SOON, AUTH_OTP_DESTINATION_LIMITED, AUTH_OTP_IP_LIMITED */
                429: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description COMMON_INTERNAL */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description COMMON_UNAVAILABLE */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/otp/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with a one-time code
         * @description A customer without an account gets one (verified, active). A consultant must exist and be eligible. Each code allows 5 guesses; each destination 10 failed verifications per hour. A code signs in once: submitting it again (a retry, a double tap, a parallel request) answers 409 AUTH_OTP_ALREADY_USED and is not counted as a failure. When several legacy accounts hold the destination (the same number or address stored in different spellings), 409 AUTH_ACCOUNT_AMBIGUOUS: none of them is guessed at, and no further account is created.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description The six digits received, as a string
                         * @example 042137
                         */
                        code: string;
                        /**
                         * @description A mobile number (E.164, national, with 00, spaces, dashes or Arabic-Indic digits) or an e-mail address
                         * @example +966501234567
                         */
                        destination: string;
                        /** @description Sign in as a customer (default) or as a consultant (who must exist and be eligible) */
                        role?: "customer" | "consultant";
                    };
                };
            };
            responses: {
                /** @description The code was right: a new session with its access and refresh tokens */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "accessToken": "eyJhbGciOiJFUzI1NiIsInR5cCI6ImF0K2p3dCIsImtpZCI6Ikw3ek1mbUQxcTEzb3VJRjZEcF9lV0w1SjIwSWV0ZkE4Qld1RjZFcWN5Q3MifQ.eyJpc3MiOiJodHRwczovL2FwaS5leGFtcGxlLmNvbS92MS9hdXRoIiwic3ViIjoiMTAyNCIsImF1ZCI6WyJhdXRoIiwiY29uc3VsdGFudHMiLCJjYXRhbG9nIl0sInJvbGUiOiJjdXN0b21lciIsInNpZCI6IjZmMWMyYjllLTNkNGEtNGI4ZS05YzcxLTJhNWQwZThmNGIxMyIsImlhdCI6MTc2NDc2MzIwMCwiZXhwIjoxNzY0NzY0MTAwfQ.giJgVnm-z9HOzPFoXsCRMRk9FNmQfTAm7Nt_Cj5WAR8hizw-rY9vqFIyAN9Ditf6W6wjZ8bDsioqhidcEU4zFQ",
                         *       "expiresIn": 900,
                         *       "refreshToken": "4gh6yG3NXLuGJ1ISUtt6CPo0oNTDsgoyPLguI76ZnCo",
                         *       "sessionId": "6f1c2b9e-3d4a-4b8e-9c71-2a5d0e8f4b13",
                         *       "tokenType": "Bearer",
                         *       "user": {
                         *         "consultantId": null,
                         *         "id": 1024,
                         *         "role": "customer"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @description JWT (ES256, typ at+jwt) for the other services; short-lived */
                            accessToken: string;
                            /** @description Seconds until the access token expires */
                            expiresIn: number;
                            /** @description Opaque; send it only to this service, to POST /v1/auth/token/refresh */
                            refreshToken: string;
                            /** Format: uuid */
                            sessionId: string;
                            /** @enum {string} */
                            tokenType: "Bearer";
                            user: {
                                consultantId: number | null;
                                /** @description The customer account id (the token subject) */
                                id: number;
                                /** @description Sign in as a customer (default) or as a consultant (who must exist and be eligible) */
                                role: "customer" | "consultant";
                            };
                        };
                    };
                };
                /** @description COMMON_VALIDATION, COMMON_BAD_REQUEST, AUTH_INVALID_DESTINATION */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description AUTH_OTP_INVALID */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description AUTH_ACCOUNT_DISABLED, AUTH_CONSULTANT_CUSTOMER_MISSING, AUTH_CONSULTANT_CUSTOMER_DISABLED, AUTH_CONSULTANT_CONSULTANT_MISSING, AUTH_CONSULTANT_CONSULTANT_DISABLED, AUTH_CONSULTANT_ORDER_MISSING, AUTH_CONSULTANT_ORDER_PENDING, AUTH_CONSULTANT_ORDER_REJECTED, AUTH_CONSULTANT_CONTRACT_MISSING, AUTH_CONSULTANT_CONTRACT_NOT_STARTED, AUTH_CONSULTANT_CONTRACT_EXPIRED, AUTH_CONSULTANT_LICENSE_MISSING, AUTH_CONSULTANT_LICENSE_EXPIRED */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description AUTH_OTP_ALREADY_USED, AUTH_ACCOUNT_AMBIGUOUS */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description COMMON_PAYLOAD_TOO_LARGE */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description COMMON_UNSUPPORTED_MEDIA_TYPE */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description COMMON_RATE_LIMITED, AUTH_OTP_VERIFY_LIMITED */
                429: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description COMMON_INTERNAL */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description COMMON_UNAVAILABLE */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/password/sign-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with e-mail or mobile number and password
         * @description Unknown accounts and wrong passwords get the same 401. After 5 failures for one login each attempt must wait longer; 10 failures in 15 minutes lock it for 15 minutes; 50 failures in 15 minutes from one client IP (or IPv6 /64), whatever the accounts, answer 429 until the oldest leaves the window. A consultant must be eligible (403 with the reason, only after the password is proven).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description The account e-mail address or mobile number
                         * @example name@example.com
                         */
                        login: string;
                        /** @description At most 1024 bytes (UTF-8); longer passwords are refused before any hashing */
                        password: string;
                        /** @description Sign in as a customer (default) or as a consultant (who must exist and be eligible) */
                        role?: "customer" | "consultant";
                    };
                };
            };
            responses: {
                /** @description Signed in: a new session with its access and refresh tokens */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "accessToken": "eyJhbGciOiJFUzI1NiIsInR5cCI6ImF0K2p3dCIsImtpZCI6Ikw3ek1mbUQxcTEzb3VJRjZEcF9lV0w1SjIwSWV0ZkE4Qld1RjZFcWN5Q3MifQ.eyJpc3MiOiJodHRwczovL2FwaS5leGFtcGxlLmNvbS92MS9hdXRoIiwic3ViIjoiMTAyNCIsImF1ZCI6WyJhdXRoIiwiY29uc3VsdGFudHMiLCJjYXRhbG9nIl0sInJvbGUiOiJjdXN0b21lciIsInNpZCI6IjZmMWMyYjllLTNkNGEtNGI4ZS05YzcxLTJhNWQwZThmNGIxMyIsImlhdCI6MTc2NDc2MzIwMCwiZXhwIjoxNzY0NzY0MTAwfQ.giJgVnm-z9HOzPFoXsCRMRk9FNmQfTAm7Nt_Cj5WAR8hizw-rY9vqFIyAN9Ditf6W6wjZ8bDsioqhidcEU4zFQ",
                         *       "expiresIn": 900,
                         *       "refreshToken": "4gh6yG3NXLuGJ1ISUtt6CPo0oNTDsgoyPLguI76ZnCo",
                         *       "sessionId": "6f1c2b9e-3d4a-4b8e-9c71-2a5d0e8f4b13",
                         *       "tokenType": "Bearer",
                         *       "user": {
                         *         "consultantId": null,
                         *         "id": 1024,
                         *         "role": "customer"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @description JWT (ES256, typ at+jwt) for the other services; short-lived */
                            accessToken: string;
                            /** @description Seconds until the access token expires */
                            expiresIn: number;
                            /** @description Opaque; send it only to this service, to POST /v1/auth/token/refresh */
                            refreshToken: string;
                            /** Format: uuid */
                            sessionId: string;
                            /** @enum {string} */
                            tokenType: "Bearer";
                            user: {
                                consultantId: number | null;
                                /** @description The customer account id (the token subject) */
                                id: number;
                                /** @description Sign in as a customer (default) or as a consultant (who must exist and be eligible) */
                                role: "customer" | "consultant";
                            };
                        };
                    };
                };
                /** @description COMMON_VALIDATION, COMMON_BAD_REQUEST, AUTH_INVALID_DESTINATION, AUTH_PASSWORD_TOO_LONG */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description AUTH_INVALID_CREDENTIALS */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description AUTH_ACCOUNT_DISABLED, AUTH_CONSULTANT_CUSTOMER_MISSING, AUTH_CONSULTANT_CUSTOMER_DISABLED, AUTH_CONSULTANT_CONSULTANT_MISSING, AUTH_CONSULTANT_CONSULTANT_DISABLED, AUTH_CONSULTANT_ORDER_MISSING, AUTH_CONSULTANT_ORDER_PENDING, AUTH_CONSULTANT_ORDER_REJECTED, AUTH_CONSULTANT_CONTRACT_MISSING, AUTH_CONSULTANT_CONTRACT_NOT_STARTED, AUTH_CONSULTANT_CONTRACT_EXPIRED, AUTH_CONSULTANT_LICENSE_MISSING, AUTH_CONSULTANT_LICENSE_EXPIRED */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description AUTH_ACCOUNT_AMBIGUOUS */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description COMMON_PAYLOAD_TOO_LARGE */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description COMMON_UNSUPPORTED_MEDIA_TYPE */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description COMMON_RATE_LIMITED, AUTH_SIGN_IN_DELAYED, AUTH_SIGN_IN_LOCKED, AUTH_SIGN_IN_IP_LIMITED */
                429: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description COMMON_INTERNAL */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description COMMON_UNAVAILABLE */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/token/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange a refresh token for a new pair (rotation)
         * @description Every refresh rotates the refresh token. The previous token replayed within 10 seconds returns the same new pair; any other reuse ends the session (401 AUTH_REFRESH_REUSED). Sessions end 30 days (customers) or 14 days (consultants) after sign-in, or after 14 idle days. Disabled accounts and ineligible consultants cannot refresh.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        refreshToken: string;
                    };
                };
            };
            responses: {
                /** @description The session goes on with a new access token and a new refresh token; the one sent is used up */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "accessToken": "eyJhbGciOiJFUzI1NiIsInR5cCI6ImF0K2p3dCIsImtpZCI6Ikw3ek1mbUQxcTEzb3VJRjZEcF9lV0w1SjIwSWV0ZkE4Qld1RjZFcWN5Q3MifQ.eyJpc3MiOiJodHRwczovL2FwaS5leGFtcGxlLmNvbS92MS9hdXRoIiwic3ViIjoiMTAyNCIsImF1ZCI6WyJhdXRoIiwiY29uc3VsdGFudHMiLCJjYXRhbG9nIl0sInJvbGUiOiJjdXN0b21lciIsInNpZCI6IjZmMWMyYjllLTNkNGEtNGI4ZS05YzcxLTJhNWQwZThmNGIxMyIsImlhdCI6MTc2NDc2MzIwMCwiZXhwIjoxNzY0NzY0MTAwfQ.giJgVnm-z9HOzPFoXsCRMRk9FNmQfTAm7Nt_Cj5WAR8hizw-rY9vqFIyAN9Ditf6W6wjZ8bDsioqhidcEU4zFQ",
                         *       "expiresIn": 900,
                         *       "refreshToken": "mJ0Qe3p8sVd2Lk7XyZr1Tq9uWb4Hc6Nf5Ga0Io2PeKs",
                         *       "sessionId": "6f1c2b9e-3d4a-4b8e-9c71-2a5d0e8f4b13",
                         *       "tokenType": "Bearer",
                         *       "user": {
                         *         "consultantId": null,
                         *         "id": 1024,
                         *         "role": "customer"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @description JWT (ES256, typ at+jwt) for the other services; short-lived */
                            accessToken: string;
                            /** @description Seconds until the access token expires */
                            expiresIn: number;
                            /** @description Opaque; send it only to this service, to POST /v1/auth/token/refresh */
                            refreshToken: string;
                            /** Format: uuid */
                            sessionId: string;
                            /** @enum {string} */
                            tokenType: "Bearer";
                            user: {
                                consultantId: number | null;
                                /** @description The customer account id (the token subject) */
                                id: number;
                                /** @description Sign in as a customer (default) or as a consultant (who must exist and be eligible) */
                                role: "customer" | "consultant";
                            };
                        };
                    };
                };
                /** @description COMMON_VALIDATION, COMMON_BAD_REQUEST */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description AUTH_REFRESH_INVALID, AUTH_REFRESH_REUSED, AUTH_SESSION_EXPIRED, AUTH_SESSION_ENDED */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description AUTH_ACCOUNT_DISABLED, AUTH_CONSULTANT_CUSTOMER_MISSING, AUTH_CONSULTANT_CUSTOMER_DISABLED, AUTH_CONSULTANT_CONSULTANT_MISSING, AUTH_CONSULTANT_CONSULTANT_DISABLED, AUTH_CONSULTANT_ORDER_MISSING, AUTH_CONSULTANT_ORDER_PENDING, AUTH_CONSULTANT_ORDER_REJECTED, AUTH_CONSULTANT_CONTRACT_MISSING, AUTH_CONSULTANT_CONTRACT_NOT_STARTED, AUTH_CONSULTANT_CONTRACT_EXPIRED, AUTH_CONSULTANT_LICENSE_MISSING, AUTH_CONSULTANT_LICENSE_EXPIRED */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description COMMON_PAYLOAD_TOO_LARGE */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description COMMON_UNSUPPORTED_MEDIA_TYPE */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description COMMON_RATE_LIMITED */
                429: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description COMMON_INTERNAL */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description COMMON_UNAVAILABLE */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** Problem */
        Problem: {
            /**
             * @description Stable machine-readable error code
             * @example COMMON_VALIDATION
             */
            code: string;
            /** @description Explanation of this occurrence in the request language */
            detail?: string;
            errors?: {
                message: string;
                /** @description Where the failure is, e.g. /query/page or /body/email */
                path: string;
            }[];
            /** @description The request path */
            instance?: string;
            /** @description Echoes the x-request-id response header */
            requestId: string;
            status: number;
            /** @description Short summary in the request language */
            title: string;
            /** @description A URI identifying the problem type, stable per code */
            type: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;

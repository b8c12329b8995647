// Generated from openapi/catalog.json by scripts/generate.ts. Do not edit: run `pnpm --filter @cp/api-client generate`.
export interface paths {
    "/v1/catalog/consultation-categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Active consultation categories, in list order */
        get: {
            parameters: {
                query?: {
                    /** @description Also return `names` and `descriptions` in both languages */
                    translations?: boolean;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The active consultation categories in list order, in the request language */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "items": [
                         *         {
                         *           "description": "Marriage, parenting and family matters.",
                         *           "iconUrl": "https://cdn.example.com/media/categories/icons/family.svg",
                         *           "id": 2,
                         *           "imageUrl": "https://cdn.example.com/media/categories/family.png",
                         *           "name": "Family",
                         *           "order": 1
                         *         },
                         *         {
                         *           "description": "Budgets, investments and taxes.",
                         *           "iconUrl": null,
                         *           "id": 3,
                         *           "imageUrl": "https://cdn.example.com/media/categories/financial.png",
                         *           "name": "Financial",
                         *           "order": 2
                         *         }
                         *       ]
                         *     }
                         */
                        "application/json": {
                            items: {
                                description: string | null;
                                /** @description Both languages; present with `translations=true` */
                                descriptions?: {
                                    ar: string | null;
                                    en: string | null;
                                };
                                /** Format: uri */
                                iconUrl: string | null;
                                id: number;
                                /**
                                 * Format: uri
                                 * @description Absolute URL on the content host
                                 */
                                imageUrl: string | null;
                                /** @description In the request language (Accept-Language), falling back to the other one */
                                name: string;
                                /** @description Both languages; present with `translations=true` */
                                names?: {
                                    ar: string | null;
                                    en: string | null;
                                };
                                /** @description Position in the list (legacy Order_In_List) */
                                order: number;
                            }[];
                        };
                    };
                };
                /** @description Not Modified: the `If-None-Match` tag is still current */
                304: {
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
    "/v1/catalog/consultation-categories/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One active consultation category */
        get: {
            parameters: {
                query?: {
                    /** @description Also return `names` and `descriptions` in both languages */
                    translations?: boolean;
                };
                header?: never;
                path: {
                    /**
                     * @description A positive integer id in plain decimal digits, from 1 to 2147483647
                     * @example 42
                     */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The consultation category; `names` and `descriptions` only with `translations=true` */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "description": "Marriage, parenting and family matters.",
                         *       "descriptions": {
                         *         "ar": "الزواج وتربية الأبناء وشؤون الأسرة.",
                         *         "en": "Marriage, parenting and family matters."
                         *       },
                         *       "iconUrl": "https://cdn.example.com/media/categories/icons/family.svg",
                         *       "id": 2,
                         *       "imageUrl": "https://cdn.example.com/media/categories/family.png",
                         *       "name": "Family",
                         *       "names": {
                         *         "ar": "استشارات أسرية",
                         *         "en": "Family"
                         *       },
                         *       "order": 1
                         *     }
                         */
                        "application/json": {
                            description: string | null;
                            /** @description Both languages; present with `translations=true` */
                            descriptions?: {
                                ar: string | null;
                                en: string | null;
                            };
                            /** Format: uri */
                            iconUrl: string | null;
                            id: number;
                            /**
                             * Format: uri
                             * @description Absolute URL on the content host
                             */
                            imageUrl: string | null;
                            /** @description In the request language (Accept-Language), falling back to the other one */
                            name: string;
                            /** @description Both languages; present with `translations=true` */
                            names?: {
                                ar: string | null;
                                en: string | null;
                            };
                            /** @description Position in the list (legacy Order_In_List) */
                            order: number;
                        };
                    };
                };
                /** @description Not Modified: the `If-None-Match` tag is still current */
                304: {
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
                /** @description CATALOG_CATEGORY_NOT_FOUND */
                404: {
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
    "/v1/catalog/service-categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Active service categories, in list order, optionally of one consultation category */
        get: {
            parameters: {
                query?: {
                    /** @description Also return `names` and `descriptions` in both languages */
                    translations?: boolean;
                    /** @description Only services of this consultation category */
                    categoryId?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The active service categories in list order (of one consultation category with `categoryId`) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "items": [
                         *         {
                         *           "description": null,
                         *           "iconUrl": null,
                         *           "id": 2,
                         *           "imageUrl": "https://cdn.example.com/media/services/court.png",
                         *           "name": "Court Representation",
                         *           "order": 1,
                         *           "parentCategoryId": 1,
                         *           "price": 500
                         *         },
                         *         {
                         *           "description": "A lawyer reads your contract before you sign.",
                         *           "iconUrl": "https://cdn.example.com/media/services/icons/contract.svg",
                         *           "id": 1,
                         *           "imageUrl": "https://cdn.example.com/media/services/contract-review.png",
                         *           "name": "Contract Review",
                         *           "order": 2,
                         *           "parentCategoryId": 1,
                         *           "price": 150
                         *         }
                         *       ]
                         *     }
                         */
                        "application/json": {
                            items: {
                                description: string | null;
                                /** @description Both languages; present with `translations=true` */
                                descriptions?: {
                                    ar: string | null;
                                    en: string | null;
                                };
                                /** Format: uri */
                                iconUrl: string | null;
                                id: number;
                                /**
                                 * Format: uri
                                 * @description Absolute URL on the content host
                                 */
                                imageUrl: string | null;
                                /** @description In the request language (Accept-Language), falling back to the other one */
                                name: string;
                                /** @description Both languages; present with `translations=true` */
                                names?: {
                                    ar: string | null;
                                    en: string | null;
                                };
                                /** @description Position in the list (legacy Order_In_List) */
                                order: number;
                                /** @description The consultation category this service belongs to */
                                parentCategoryId: number | null;
                                price: number | null;
                            }[];
                        };
                    };
                };
                /** @description Not Modified: the `If-None-Match` tag is still current */
                304: {
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
    "/v1/catalog/service-categories/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One active service category */
        get: {
            parameters: {
                query?: {
                    /** @description Also return `names` and `descriptions` in both languages */
                    translations?: boolean;
                };
                header?: never;
                path: {
                    /**
                     * @description A positive integer id in plain decimal digits, from 1 to 2147483647
                     * @example 42
                     */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The service category; `names` and `descriptions` only with `translations=true` */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "description": "A lawyer reads your contract before you sign.",
                         *       "iconUrl": "https://cdn.example.com/media/services/icons/contract.svg",
                         *       "id": 1,
                         *       "imageUrl": "https://cdn.example.com/media/services/contract-review.png",
                         *       "name": "Contract Review",
                         *       "order": 2,
                         *       "parentCategoryId": 1,
                         *       "price": 150
                         *     }
                         */
                        "application/json": {
                            description: string | null;
                            /** @description Both languages; present with `translations=true` */
                            descriptions?: {
                                ar: string | null;
                                en: string | null;
                            };
                            /** Format: uri */
                            iconUrl: string | null;
                            id: number;
                            /**
                             * Format: uri
                             * @description Absolute URL on the content host
                             */
                            imageUrl: string | null;
                            /** @description In the request language (Accept-Language), falling back to the other one */
                            name: string;
                            /** @description Both languages; present with `translations=true` */
                            names?: {
                                ar: string | null;
                                en: string | null;
                            };
                            /** @description Position in the list (legacy Order_In_List) */
                            order: number;
                            /** @description The consultation category this service belongs to */
                            parentCategoryId: number | null;
                            price: number | null;
                        };
                    };
                };
                /** @description Not Modified: the `If-None-Match` tag is still current */
                304: {
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
                /** @description CATALOG_SERVICE_CATEGORY_NOT_FOUND */
                404: {
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

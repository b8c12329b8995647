// Generated from openapi/consultants.json by scripts/generate.ts. Do not edit: run `pnpm --filter @cp/api-client generate`.
export interface paths {
    "/v1/consultants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Bookable consultants, filtered, sorted and paginated
         * @description Consultants a customer may book today: consultant and account active, latest application approved, a contract in effect and a license not expired (platform time zone). Public fields only.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Page number, from 1 to 10000 */
                    page?: number;
                    /** @description Items per page, at most 100 */
                    pageSize?: number;
                    /** @description `order`: the platform list order; `rating`: best rated first (then most rated); `price`: cheapest first, consultants without a price last; `price_desc`: dearest first */
                    sort?: "order" | "rating" | "price" | "price_desc";
                    /** @description Only consultants of this consultation category */
                    categoryId?: number;
                    /** @description Only consultants of this branch */
                    branchId?: number;
                    /** @description Text found anywhere in the name or in the Arabic or English title, ignoring case; `%` and `_` are matched literally */
                    q?: string;
                    /** @description `true`: only consultants online now; `false`: only offline */
                    online?: boolean;
                    /** @description `offset` (the default): pages by number, with `total` and `totalPages`, which cost a count of every match. `keyset`: the first page of a walk through the list that never counts (no `page`, `total`, `totalPages` in the answer), each page as fast as the first however far it goes; continue with `cursor`. */
                    pagination?: "offset" | "keyset";
                    /** @description The `nextCursor` of the previous page: the next page of a keyset walk (implies `pagination=keyset`). Send it with the same `sort` and filters it came with; any other cursor, or one with another sort or other filters, is 400. `page` must then be left out (or 1). */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description One page of bookable consultants: with `page`, `total` and `totalPages` in offset pagination (the default), without them in keyset pagination; `nextCursor` in both */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "items": [
                         *         {
                         *           "branch": {
                         *             "id": 1,
                         *             "name": "Riyadh"
                         *           },
                         *           "category": {
                         *             "id": 2,
                         *             "name": "Family"
                         *           },
                         *           "id": 77,
                         *           "name": "Huda Alqahtani",
                         *           "online": true,
                         *           "photoUrl": "https://cdn.example.com/media/consultants/77/photo.jpg",
                         *           "price": 150,
                         *           "rating": 4.6,
                         *           "ratingCount": 38,
                         *           "title": "Family counsellor",
                         *           "verified": true
                         *         },
                         *         {
                         *           "branch": null,
                         *           "category": {
                         *             "id": 1,
                         *             "name": "Legal"
                         *           },
                         *           "id": 81,
                         *           "name": "Omar Alshehri",
                         *           "online": false,
                         *           "photoUrl": null,
                         *           "price": null,
                         *           "rating": 0,
                         *           "ratingCount": 0,
                         *           "title": null,
                         *           "verified": false
                         *         }
                         *       ],
                         *       "nextCursor": "WzEsIm9yZGVyIiwiMW81eW5jcCIsMyw4MV0",
                         *       "page": 1,
                         *       "pageSize": 2,
                         *       "total": 9,
                         *       "totalPages": 5
                         *     }
                         */
                        "application/json": {
                            items: {
                                branch: {
                                    id: number;
                                    /** @description In the request language, falling back to the other one */
                                    name: string | null;
                                } | null;
                                category: {
                                    id: number;
                                    /** @description In the request language, falling back to the other one */
                                    name: string | null;
                                } | null;
                                id: number;
                                /** @description Full name of the consultant */
                                name: string;
                                online: boolean;
                                /**
                                 * Format: uri
                                 * @description Absolute URL on the content host
                                 */
                                photoUrl: string | null;
                                /** @description Price of a session */
                                price: number | null;
                                rating: number;
                                ratingCount: number;
                                /** @description Professional title in the request language */
                                title: string | null;
                                verified: boolean;
                            }[];
                            /** @description Pass as `cursor` (with the same sort and filters) for the page after this one, in either pagination; null on the last page */
                            nextCursor: string | null;
                            /** @description Offset pagination only */
                            page?: number;
                            pageSize: number;
                            /** @description How many consultants match; offset pagination only */
                            total?: number;
                            /** @description Offset pagination only */
                            totalPages?: number;
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
    "/v1/consultants/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The signed-in consultant's own profile
         * @description Both languages of the editable texts, the contract and license that keep the consultant bookable, and until when. Refused with the sign-in rule's own 403 code when the consultant is no longer eligible.
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
                /** @description The signed-in consultant's own profile */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "bios": {
                         *         "ar": "اثنا عشر عامًا في مساعدة الأزواج والآباء على الحوار.",
                         *         "en": "Twelve years of helping couples and parents talk to each other."
                         *       },
                         *       "branch": {
                         *         "id": 1,
                         *         "name": "Riyadh"
                         *       },
                         *       "category": {
                         *         "id": 2,
                         *         "name": "Family"
                         *       },
                         *       "contract": {
                         *         "endDate": "2027-06-30",
                         *         "startDate": "2026-01-01"
                         *       },
                         *       "eligibility": {
                         *         "eligible": true,
                         *         "eligibleUntil": "2027-04-01T00:00:00+03:00"
                         *       },
                         *       "id": 77,
                         *       "license": {
                         *         "expiryDate": "2027-03-31"
                         *       },
                         *       "name": "Huda Alqahtani",
                         *       "online": true,
                         *       "photoPath": "consultants/77/photo.jpg",
                         *       "photoUrl": "https://cdn.example.com/media/consultants/77/photo.jpg",
                         *       "price": 150,
                         *       "rating": 4.6,
                         *       "ratingCount": 38,
                         *       "title": "Family counsellor",
                         *       "titles": {
                         *         "ar": "مستشارة أسرية",
                         *         "en": "Family counsellor"
                         *       },
                         *       "verified": true
                         *     }
                         */
                        "application/json": {
                            bios: {
                                ar: string | null;
                                en: string | null;
                            };
                            branch: {
                                id: number;
                                /** @description In the request language, falling back to the other one */
                                name: string | null;
                            } | null;
                            category: {
                                id: number;
                                /** @description In the request language, falling back to the other one */
                                name: string | null;
                            } | null;
                            /** @description The contract in effect today that ends last */
                            contract: {
                                /**
                                 * Format: date
                                 * @description Last day (inclusive)
                                 */
                                endDate: string;
                                /**
                                 * Format: date
                                 * @description First day
                                 */
                                startDate: string;
                            } | null;
                            eligibility: {
                                eligible: boolean;
                                /**
                                 * Format: date-time
                                 * @description When the contract or the license runs out, whichever is first (platform offset)
                                 */
                                eligibleUntil: string;
                            };
                            id: number;
                            /** @description The valid license that expires last */
                            license: {
                                /**
                                 * Format: date
                                 * @description Last valid day (inclusive)
                                 */
                                expiryDate: string;
                            } | null;
                            /** @description Full name of the consultant */
                            name: string;
                            online: boolean;
                            /** @description As stored, relative to the content host (what PATCH takes) */
                            photoPath: string | null;
                            /**
                             * Format: uri
                             * @description Absolute URL on the content host
                             */
                            photoUrl: string | null;
                            /** @description Price of a session */
                            price: number | null;
                            rating: number;
                            ratingCount: number;
                            /** @description Professional title in the request language */
                            title: string | null;
                            titles: {
                                ar: string | null;
                                en: string | null;
                            };
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
                /** @description COMMON_UNAUTHORIZED */
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
                /** @description AUTH_CONSULTANT_CUSTOMER_MISSING, AUTH_CONSULTANT_CUSTOMER_DISABLED, AUTH_CONSULTANT_CONSULTANT_MISSING, AUTH_CONSULTANT_CONSULTANT_DISABLED, AUTH_CONSULTANT_ORDER_MISSING, AUTH_CONSULTANT_ORDER_PENDING, AUTH_CONSULTANT_ORDER_REJECTED, AUTH_CONSULTANT_CONTRACT_MISSING, AUTH_CONSULTANT_CONTRACT_NOT_STARTED, AUTH_CONSULTANT_CONTRACT_EXPIRED, AUTH_CONSULTANT_LICENSE_MISSING, AUTH_CONSULTANT_LICENSE_EXPIRED, COMMON_FORBIDDEN */
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
        /**
         * Change the biography, photo or online status
         * @description Only the fields given are written, in one UPDATE of those columns, so the legacy TimeStamp moves (when a value actually changes) and no other column is touched. Unknown fields and fields a consultant may not change (status, price, order in list, ...) are refused with 400 and nothing is written.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Biography in Arabic; null clears it */
                        bioAr?: string | null;
                        /** @description Biography in English; null clears it */
                        bioEn?: string | null;
                        /** @description Shown to customers as online now */
                        online?: boolean;
                        /**
                         * @description Photo path relative to the content host, in the consultant's own folder (`consultants/<own consultant id>/`, subfolders allowed) with the extension jpg, jpeg, png, webp (any case), e.g. consultants/77/photo.jpg; null clears it. Another consultant's folder is 400. The current value, as GET returned it, is always accepted and changes nothing, even a legacy path outside that folder, so a client may send back what it read. Pattern: `^consultants/[1-9][0-9]{0,9}/(?:[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*\/)*[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*\.(?:[jJ][pP][gG]|[jJ][pP][eE][gG]|[pP][nN][gG]|[wW][eE][bB][pP])$`
                         * @example consultants/77/photo.jpg
                         */
                        photoPath?: string | null;
                    };
                };
            };
            responses: {
                /** @description The signed-in consultant's own profile, with the change made */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "bios": {
                         *         "ar": "اثنا عشر عامًا في مساعدة الأزواج والآباء على الحوار.",
                         *         "en": "Twelve years of helping couples and parents talk to each other."
                         *       },
                         *       "branch": {
                         *         "id": 1,
                         *         "name": "Riyadh"
                         *       },
                         *       "category": {
                         *         "id": 2,
                         *         "name": "Family"
                         *       },
                         *       "contract": {
                         *         "endDate": "2027-06-30",
                         *         "startDate": "2026-01-01"
                         *       },
                         *       "eligibility": {
                         *         "eligible": true,
                         *         "eligibleUntil": "2027-04-01T00:00:00+03:00"
                         *       },
                         *       "id": 77,
                         *       "license": {
                         *         "expiryDate": "2027-03-31"
                         *       },
                         *       "name": "Huda Alqahtani",
                         *       "online": false,
                         *       "photoPath": "consultants/77/photo.jpg",
                         *       "photoUrl": "https://cdn.example.com/media/consultants/77/photo.jpg",
                         *       "price": 150,
                         *       "rating": 4.6,
                         *       "ratingCount": 38,
                         *       "title": "Family counsellor",
                         *       "titles": {
                         *         "ar": "مستشارة أسرية",
                         *         "en": "Family counsellor"
                         *       },
                         *       "verified": true
                         *     }
                         */
                        "application/json": {
                            bios: {
                                ar: string | null;
                                en: string | null;
                            };
                            branch: {
                                id: number;
                                /** @description In the request language, falling back to the other one */
                                name: string | null;
                            } | null;
                            category: {
                                id: number;
                                /** @description In the request language, falling back to the other one */
                                name: string | null;
                            } | null;
                            /** @description The contract in effect today that ends last */
                            contract: {
                                /**
                                 * Format: date
                                 * @description Last day (inclusive)
                                 */
                                endDate: string;
                                /**
                                 * Format: date
                                 * @description First day
                                 */
                                startDate: string;
                            } | null;
                            eligibility: {
                                eligible: boolean;
                                /**
                                 * Format: date-time
                                 * @description When the contract or the license runs out, whichever is first (platform offset)
                                 */
                                eligibleUntil: string;
                            };
                            id: number;
                            /** @description The valid license that expires last */
                            license: {
                                /**
                                 * Format: date
                                 * @description Last valid day (inclusive)
                                 */
                                expiryDate: string;
                            } | null;
                            /** @description Full name of the consultant */
                            name: string;
                            online: boolean;
                            /** @description As stored, relative to the content host (what PATCH takes) */
                            photoPath: string | null;
                            /**
                             * Format: uri
                             * @description Absolute URL on the content host
                             */
                            photoUrl: string | null;
                            /** @description Price of a session */
                            price: number | null;
                            rating: number;
                            ratingCount: number;
                            /** @description Professional title in the request language */
                            title: string | null;
                            titles: {
                                ar: string | null;
                                en: string | null;
                            };
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
                /** @description COMMON_UNAUTHORIZED */
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
                /** @description AUTH_CONSULTANT_CUSTOMER_MISSING, AUTH_CONSULTANT_CUSTOMER_DISABLED, AUTH_CONSULTANT_CONSULTANT_MISSING, AUTH_CONSULTANT_CONSULTANT_DISABLED, AUTH_CONSULTANT_ORDER_MISSING, AUTH_CONSULTANT_ORDER_PENDING, AUTH_CONSULTANT_ORDER_REJECTED, AUTH_CONSULTANT_CONTRACT_MISSING, AUTH_CONSULTANT_CONTRACT_NOT_STARTED, AUTH_CONSULTANT_CONTRACT_EXPIRED, AUTH_CONSULTANT_LICENSE_MISSING, AUTH_CONSULTANT_LICENSE_EXPIRED, COMMON_FORBIDDEN */
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
        trace?: never;
    };
    "/v1/consultants/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The public profile of a bookable consultant
         * @description With category and branch names, the rating distribution and the latest visible reviews. A consultant who does not exist and one who may not be booked today are both 404.
         */
        get: {
            parameters: {
                query?: never;
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
                /** @description The public profile of a bookable consultant */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "bio": "Twelve years of helping couples and parents talk to each other.",
                         *       "branch": {
                         *         "id": 1,
                         *         "name": "Riyadh"
                         *       },
                         *       "category": {
                         *         "id": 2,
                         *         "name": "Family"
                         *       },
                         *       "id": 77,
                         *       "latestReviews": [
                         *         {
                         *           "comment": "Clear advice, and she listened.",
                         *           "createdAt": "2026-11-28T19:05:00+03:00",
                         *           "id": 5012,
                         *           "rating": 5,
                         *           "reviewerName": "Sara"
                         *         }
                         *       ],
                         *       "name": "Huda Alqahtani",
                         *       "online": true,
                         *       "photoUrl": "https://cdn.example.com/media/consultants/77/photo.jpg",
                         *       "price": 150,
                         *       "rating": 4.6,
                         *       "ratingCount": 38,
                         *       "ratingDistribution": {
                         *         "1": 1,
                         *         "2": 0,
                         *         "3": 3,
                         *         "4": 7,
                         *         "5": 27
                         *       },
                         *       "title": "Family counsellor",
                         *       "verified": true
                         *     }
                         */
                        "application/json": {
                            /** @description In the request language, falling back to the other one */
                            bio: string | null;
                            branch: {
                                id: number;
                                /** @description In the request language, falling back to the other one */
                                name: string | null;
                            } | null;
                            category: {
                                id: number;
                                /** @description In the request language, falling back to the other one */
                                name: string | null;
                            } | null;
                            id: number;
                            /** @description The newest visible reviews, at most 5 */
                            latestReviews: {
                                comment: string | null;
                                /**
                                 * Format: date-time
                                 * @description With the platform offset
                                 */
                                createdAt: string | null;
                                id: number;
                                rating: number;
                                /** @description The reviewer's first name */
                                reviewerName: string | null;
                            }[];
                            /** @description Full name of the consultant */
                            name: string;
                            online: boolean;
                            /**
                             * Format: uri
                             * @description Absolute URL on the content host
                             */
                            photoUrl: string | null;
                            /** @description Price of a session */
                            price: number | null;
                            rating: number;
                            ratingCount: number;
                            /** @description Visible reviews per star rating */
                            ratingDistribution: {
                                1: number;
                                2: number;
                                3: number;
                                4: number;
                                5: number;
                            };
                            /** @description Professional title in the request language */
                            title: string | null;
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
                /** @description CONSULTANTS_NOT_FOUND */
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
    "/v1/consultants/{id}/availability": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Free slots of a bookable consultant between two instants
         * @description The weekly schedule (platform time zone) cut into slots, minus Pending and Confirmed bookings, without slots that have already started or would end after the consultant's contract or license. At most 31 days per request.
         */
        get: {
            parameters: {
                query: {
                    /**
                     * @description Start of the window (inclusive), between 2000-01-01T00:00:00Z and 3000-01-01T00:00:00Z. ISO 8601 date and time with a zone (`Z` or `±hh:mm`); encode `+` as `%2B`
                     * @example 2026-12-06T00:00:00+03:00
                     */
                    from: string;
                    /**
                     * @description End of the window (exclusive), after `from`, at most 31 days later and between 2000-01-01T00:00:00Z and 3000-01-01T00:00:00Z. ISO 8601 date and time with a zone (`Z` or `±hh:mm`); encode `+` as `%2B`
                     * @example 2026-12-06T00:00:00+03:00
                     */
                    to: string;
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
                /** @description The free slots of a bookable consultant in the window asked for */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "consultantId": 77,
                         *       "from": "2026-12-06T00:00:00+03:00",
                         *       "slots": [
                         *         {
                         *           "end": "2026-12-06T11:00:00+03:00",
                         *           "start": "2026-12-06T10:00:00+03:00"
                         *         },
                         *         {
                         *           "end": "2026-12-06T17:30:00+03:00",
                         *           "start": "2026-12-06T16:30:00+03:00"
                         *         }
                         *       ],
                         *       "timeZone": "Asia/Riyadh",
                         *       "to": "2026-12-07T00:00:00+03:00"
                         *     }
                         */
                        "application/json": {
                            consultantId: number;
                            /**
                             * Format: date-time
                             * @description ISO 8601 with the platform offset
                             */
                            from: string;
                            /** @description Free slots starting in [from, to) and not yet started, in time order */
                            slots: {
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 with the platform offset
                                 */
                                end: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 with the platform offset
                                 */
                                start: string;
                            }[];
                            /** @description The platform time zone the schedule is kept in (IANA) */
                            timeZone: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 with the platform offset
                             */
                            to: string;
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
                /** @description CONSULTANTS_NOT_FOUND */
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

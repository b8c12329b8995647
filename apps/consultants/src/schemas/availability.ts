import { Type } from '@sinclair/typebox'
import { ISO_WITH_OFFSET_PATTERN } from '@cp/domain'

/** The longest window one request may ask for. */
export const MAX_AVAILABILITY_DAYS = 31
/**
 * The instants a window may cover. Far beyond any booking, and inside what the zone arithmetic handles: four-digit
 * years (ISO 8601 without the expanded `+010000` form) and standard offsets (before 1900 many zones used local mean
 * time, such as GMT+03:06:52, which no `±hh:mm` offset can express).
 */
export const EARLIEST_INSTANT = new Date('2000-01-01T00:00:00Z')
export const LATEST_INSTANT = new Date('3000-01-01T00:00:00Z')
const toSecond = (instant: Date) => instant.toISOString().replace('.000Z', 'Z')
/** The range in words, for the document and for errors. */
export const AVAILABILITY_RANGE = `between ${toSecond(EARLIEST_INSTANT)} and ${toSecond(LATEST_INSTANT)}`

const instant = (description: string) =>
  Type.String({
    pattern: ISO_WITH_OFFSET_PATTERN,
    description: `${description}. ISO 8601 date and time with a zone (\`Z\` or \`±hh:mm\`); encode \`+\` as \`%2B\``,
    examples: ['2026-12-06T00:00:00+03:00'],
  })

export const AvailabilityQuerySchema = Type.Object(
  {
    from: instant(`Start of the window (inclusive), ${AVAILABILITY_RANGE}`),
    to: instant(
      `End of the window (exclusive), after \`from\`, at most ${MAX_AVAILABILITY_DAYS} days later and ${AVAILABILITY_RANGE}`,
    ),
  },
  { additionalProperties: false },
)

const isoWithOffset = Type.String({ format: 'date-time', description: 'ISO 8601 with the platform offset' })

export const AvailabilitySchema = Type.Object(
  {
    consultantId: Type.Integer({ minimum: 1 }),
    timeZone: Type.String({ description: 'The platform time zone the schedule is kept in (IANA)' }),
    from: isoWithOffset,
    to: isoWithOffset,
    slots: Type.Array(
      Type.Object({ start: isoWithOffset, end: isoWithOffset }, { additionalProperties: false }),
      { description: 'Free slots starting in [from, to) and not yet started, in time order' },
    ),
  },
  { additionalProperties: false, description: 'The free slots of a bookable consultant in the window asked for' },
)

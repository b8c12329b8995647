import { isIPv4, isIPv6 } from 'node:net'

/**
 * The key a per-client limit counts by. An IPv6 client usually holds a whole /64 (any address in it is theirs to
 * use), so IPv6 addresses count by their /64 prefix (`2001:db8:1:2::/64`); an IPv4-mapped IPv6 address
 * (`::ffff:192.0.2.1`, what a dual-stack socket reports for an IPv4 client) counts as the IPv4 address.
 * Anything else (not an IP at all) is its own key.
 */
export function rateLimitKeyOfIp(ip: string): string {
  if (isIPv4(ip)) return ip
  const address = ip.replace(/%.*$/, '') // a zone id names an interface, not a client
  if (!isIPv6(address)) return ip
  const groups = expandIPv6(address)
  const mapped = groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff
  if (mapped) return [groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8, groups[7]! & 0xff].join('.')
  return `${groups.slice(0, 4).map((group) => group.toString(16)).join(':')}::/64`
}

/** The eight 16-bit groups of a valid IPv6 address (with `::` and a trailing dotted IPv4 part resolved). */
function expandIPv6(address: string): number[] {
  let text = address.toLowerCase()
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text)
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number]
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`
  }
  const [head = '', tail] = text.split('::')
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((group) => Number.parseInt(group, 16)))
  const left = parse(head)
  const right = tail === undefined ? [] : parse(tail)
  return [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right]
}

import t from 'tap'
import { rateLimitKeyOfIp } from '../../src/lib/client-ip.js'

t.test('IPv4 addresses are their own key', async (t) => {
  t.equal(rateLimitKeyOfIp('192.0.2.1'), '192.0.2.1')
  t.equal(rateLimitKeyOfIp('10.20.0.7'), '10.20.0.7')
})

t.test('IPv6 addresses count by their /64, whatever their spelling', async (t) => {
  const key = '2001:db8:1:2::/64'
  for (const ip of ['2001:db8:1:2::1', '2001:db8:1:2:ffff:ffff:ffff:ffff', '2001:0DB8:0001:0002:0:0:0:9', '2001:db8:1:2::1%eth0']) {
    t.equal(rateLimitKeyOfIp(ip), key, ip)
  }
  t.not(rateLimitKeyOfIp('2001:db8:1:3::1'), key, 'the next /64 is another client')
  t.equal(rateLimitKeyOfIp('::1'), '0:0:0:0::/64')
  t.equal(rateLimitKeyOfIp('fe80::1:2:3:4'), 'fe80:0:0:0::/64')
  t.equal(rateLimitKeyOfIp('64:ff9b::192.0.2.1'), '64:ff9b:0:0::/64', 'a dotted tail that is not IPv4-mapped')
})

t.test('IPv4-mapped IPv6 addresses count as the IPv4 address', async (t) => {
  t.equal(rateLimitKeyOfIp('::ffff:192.0.2.1'), '192.0.2.1')
  t.equal(rateLimitKeyOfIp('::FFFF:c000:0201'), '192.0.2.1', 'in hex')
  t.equal(rateLimitKeyOfIp('0:0:0:0:0:ffff:192.0.2.1'), '192.0.2.1')
})

t.test('anything else is left as it is', async (t) => {
  t.equal(rateLimitKeyOfIp('not an ip'), 'not an ip')
  t.equal(rateLimitKeyOfIp(''), '')
})

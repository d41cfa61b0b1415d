import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addressAllowed, classifyAddress, webhookUrlProblem } from './address.ts';

test('addresses that reach the installation or its networks are not public', () => {
  const cases: [string, string][] = [
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'private'],
    ['100.127.255.255', 'private'],
    ['169.254.169.254', 'link-local'],
    ['224.0.0.1', 'reserved'],
    ['255.255.255.255', 'reserved'],
    ['192.0.2.10', 'reserved'],
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::FFFF:169.254.169.254', 'link-local'],
    ['::ffff:10.1.2.3', 'private'],
    ['::ffff:0.0.0.0', 'unspecified'],
    ['::127.0.0.1', 'loopback'],
    ['64:ff9b::10.0.0.1', 'private'],
    ['fc00::1', 'private'],
    ['fd12:3456:789a::1', 'private'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['febf::1', 'link-local'],
    ['fec0::1', 'private'],
    ['ff02::1', 'reserved'],
    ['2001:db8::1', 'reserved'],
    ['2002:7f00:1::1', 'reserved'],
    ['not an address', 'reserved'],
  ];
  for (const [ip, kind] of cases) assert.equal(classifyAddress(ip), kind, ip);
});

test('public addresses are public, at the edges of the ranges too', () => {
  for (const ip of [
    '1.1.1.1',
    '9.255.255.255',
    '11.0.0.0',
    '100.63.255.255',
    '100.128.0.0',
    '169.253.255.255',
    '172.15.255.255',
    '172.32.0.0',
    '193.2.1.66',
    '::ffff:193.2.1.66',
    '64:ff9b::193.2.1.66',
    '2a01:4f8::1',
    '2001:4860:4860::8888',
    '[2a01:4f8::1]',
  ])
    assert.equal(classifyAddress(ip), 'public', ip);
  assert.equal(classifyAddress('fbff::1'), 'reserved', 'outside 2000::/3 is no unicast address');
});

test('loopback is allowed only when the setting says so; private never', () => {
  assert.equal(addressAllowed('127.0.0.1', false), false);
  assert.equal(addressAllowed('127.0.0.1', true), true);
  assert.equal(addressAllowed('::1', true), true);
  assert.equal(addressAllowed('10.0.0.1', true), false);
  assert.equal(addressAllowed('169.254.169.254', true), false);
  assert.equal(addressAllowed('193.2.1.66', false), true);
});

test('a webhook URL: https, no credentials, no private literal; http only to loopback when allowed', () => {
  const cases: [string, boolean, string | null][] = [
    ['https://ginis.example.cz/intake', false, null],
    ['https://[2a01:4f8::1]/hook', false, null],
    ['http://ginis.example.cz/intake', false, 'https'],
    ['http://ginis.example.cz/intake', true, 'https'],
    ['http://127.0.0.1:8080/x', false, 'address'],
    ['http://127.0.0.1:8080/x', true, null],
    ['http://localhost:8080/x', true, null],
    ['http://localhost:8080/x', false, 'https'],
    ['https://10.0.0.5/x', true, 'address'],
    ['https://169.254.169.254/latest/meta-data', false, 'address'],
    ['https://[::ffff:127.0.0.1]/x', false, 'address'],
    ['https://0.0.0.0/x', false, 'address'],
    ['https://user:pass@ginis.example.cz/', false, 'credentials'],
    ['ftp://ginis.example.cz/', false, 'invalid'],
    ['not a url', false, 'invalid'],
    ['https://ginis.example.cz/' + 'a'.repeat(2000), false, 'invalid'],
  ];
  for (const [url, loopback, problem] of cases)
    assert.equal(webhookUrlProblem(url, loopback), problem, `${url} (${loopback})`);
});

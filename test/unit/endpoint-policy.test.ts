import { describe, expect, it } from 'vitest';
import { checkEndpointUrl, classifyAddress } from '../../src/security/endpoint-policy.js';

describe('classifyAddress', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.5.4', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'private'],
    ['fd12:3456::1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    // Found open by the hardening report: special-purpose ranges and IPv4 inside IPv6.
    ['198.18.0.1', 'reserved'],
    ['198.19.255.254', 'reserved'],
    ['192.0.0.8', 'reserved'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['203.0.113.7', 'reserved'],
    ['64:ff9b::7f00:1', 'translated-IPv4'],
    ['2002:7f00:1::', 'translated-IPv4'],
    ['::7f00:1', 'translated-IPv4'],
    ['[::7f00:1]', 'translated-IPv4'],
    ['2001::1', 'translated-IPv4'],
    ['::ffff:10.0.0.1', 'private'],
    ['2001:db8::1', 'reserved'],
  ])('should classify %s as %s', (address, kind) => {
    expect(classifyAddress(address)).toBe(kind);
  });

  it.each(['8.8.8.8', '172.32.0.1', '172.15.255.255', '2606:4700::1111', '::ffff:8.8.8.8', 'api.openai.com'])(
    'should find %s public (or not an address)',
    (address) => {
      expect(classifyAddress(address)).toBeUndefined();
    },
  );
});

describe('checkEndpointUrl', () => {
  it('should accept public http(s) endpoints', () => {
    expect(checkEndpointUrl('https://api.openai.com/v1', false)).toBeUndefined();
    expect(checkEndpointUrl('http://8.8.4.4:8000/v1', false)).toBeUndefined();
    expect(checkEndpointUrl('http://[::7f00:1]:8000/v1', false)).toBe(
      '[::7f00:1]:8000 is a translated-IPv4 address; set security.allowPrivateEndpoints: true in the config to allow it',
    );
  });

  it('should refuse other schemes, credentials and unparsable URLs', () => {
    expect(checkEndpointUrl('file:///etc/passwd', false)).toBe('expected an http or https URL, got the scheme "file"');
    expect(checkEndpointUrl('https://user:pw@api.example.com', false)).toBe(
      'must not contain credentials; reference the vendor key with apiKeyEnv instead',
    );
    expect(checkEndpointUrl('not a url', false)).toBe('expected an absolute http(s) URL, got "not a url"');
  });

  it('should refuse localhost and private literals unless allowed', () => {
    expect(checkEndpointUrl('http://localhost:11434/v1', false)).toBe(
      'localhost:11434 is a loopback address; set security.allowPrivateEndpoints: true in the config to allow it',
    );
    expect(checkEndpointUrl('http://[::1]:8000/v1', false)).toContain('is a loopback address');
    expect(checkEndpointUrl('http://192.168.0.10/v1', false)).toContain('is a private address');
    expect(checkEndpointUrl('http://localhost:11434/v1', true)).toBeUndefined();
    expect(checkEndpointUrl('http://192.168.0.10/v1', true)).toBeUndefined();
  });
});

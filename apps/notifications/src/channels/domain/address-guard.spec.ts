import { isPrivateAddress, webhookUrlProblem } from './address-guard';

describe('webhook address guard', () => {
  it.each(['127.0.0.1', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', '::', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1'])('refuses %s', (ip) => {
    expect(isPrivateAddress(ip)).toBe(true);
  });

  it.each(['8.8.8.8', '172.32.0.1', '193.175.0.1', '2001:4860:4860::8888', '::ffff:8.8.8.8'])('allows %s', (ip) => {
    expect(isPrivateAddress(ip)).toBe(false);
  });

  it('names what is wrong with a URL', () => {
    expect(webhookUrlProblem('not a url')).toBe('malformed');
    expect(webhookUrlProblem('ftp://example.org/x')).toBe('scheme');
    expect(webhookUrlProblem('https://user:pw@example.org/x')).toBe('credentials');
    expect(webhookUrlProblem(`https://example.org/${'a'.repeat(2100)}`)).toBe('too_long');
    expect(webhookUrlProblem('https://hooks.example.org/bildungsraum')).toBeUndefined();
  });
});

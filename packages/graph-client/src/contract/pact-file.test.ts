import { describe, expect, it } from 'vitest';
import { stablePactText } from './pact-file.ts';

const pact = (metadata: Record<string, unknown>) => ({
  consumer: { name: 'connector-gateway' },
  provider: { name: 'graph-api' },
  interactions: [{ description: 'x' }],
  metadata,
});

describe('stablePactText', () => {
  it('ignores the versions of the tools that wrote the pact', () => {
    const before = pact({
      'pact-js': { version: '17.1.4' },
      pactRust: { ffi: '0.5.8', models: '1.3.16' },
      pactSpecification: { version: '4.0' },
    });
    const after = pact({
      'pact-js': { version: '17.2.0' },
      pactRust: { ffi: '0.6.0', models: '1.4.0' },
      pactSpecification: { version: '4.0' },
    });
    expect(stablePactText(after)).toBe(stablePactText(before));
  });

  it('keeps the specification version and every interaction', () => {
    const v4 = pact({ pactSpecification: { version: '4.0' } });
    const v3 = pact({ pactSpecification: { version: '3.0.0' } });
    expect(stablePactText(v3)).not.toBe(stablePactText(v4));
    expect(stablePactText({ ...v4, interactions: [] })).not.toBe(stablePactText(v4));
  });
});

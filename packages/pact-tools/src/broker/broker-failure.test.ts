import { describe, expect, it } from 'vitest';
import { explainBrokerFailure } from './broker-failure.ts';

// What pact-cli 18.1.2 printed against pact_broker 2.120.0 (tooling/pact-broker runs them for real).
const call = {
  command: 'can-i-deploy',
  baseUrl: 'http://broker.local',
  pacticipant: 'connector-gateway',
};

describe('explainBrokerFailure', () => {
  it('says the broker is unreachable', () => {
    expect(
      explainBrokerFailure(
        call,
        "❌ IO Error - Failed to access pact broker path 'http://127.0.0.1:1/matrix?q[][pacticipant]=x' - error sending request for url (http://127.0.0.1:1/matrix). URL: 'http://127.0.0.1:1'",
      ),
    ).toBe(
      'pact:can-i-deploy: cannot reach the Pact Broker at http://broker.local: check PACT_BROKER_BASE_URL and that the broker is running',
    );
  });

  it('names the credentials on a 401', () => {
    expect(
      explainBrokerFailure(
        call,
        "❌ Request to pact broker path 'http://127.0.0.1:4/matrix' failed: 401 Unauthorized. URL: 'http://127.0.0.1:4'",
      ),
    ).toMatch(/refused the credentials \(HTTP 401\): set PACT_BROKER_TOKEN/);
  });

  it('names an unknown pacticipant, and an unknown version', () => {
    expect(
      explainBrokerFailure(call, '❌ failed validation - ["Pacticipant nobody not found"]'),
    ).toMatch(/knows no pacticipant nobody: publish its pacts/);
    expect(
      explainBrokerFailure(
        { ...call, command: 'record-deployment' },
        "❌ Request to pact broker path 'http://b/pacticipants/connector-gateway/versions/gw-9' failed: 404 Not Found. URL: 'http://b'",
      ),
    ).toBe(
      'pact:record-deployment: the Pact Broker at http://broker.local has no version gw-9 of connector-gateway: publish (or verify) that version first',
    );
  });

  it("quotes can-i-deploy's reason when it says no", () => {
    const output = [
      'There is no verified pact between version web-2 of connector-admin-web and the version of connector-gateway currently in production (gw-1)',
      '',
      '❌ Computer says no ¯\\_(ツ)_/¯',
      '❌ No deployable version found',
    ].join('\n');
    expect(explainBrokerFailure(call, output)).toBe(
      'pact:can-i-deploy: connector-gateway may not be deployed: There is no verified pact between version web-2 of connector-admin-web and the version of connector-gateway currently in production (gw-1)',
    );
  });

  it('falls back to the last line, named', () => {
    expect(explainBrokerFailure(call, 'something\n❌ odd failure\n')).toBe(
      'pact:can-i-deploy: the Pact Broker command failed: odd failure',
    );
  });
});

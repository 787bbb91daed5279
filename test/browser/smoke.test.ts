/** Checks the harness itself: the page reaches the real endpoint started for this run. */
import { expect } from '@open-wc/testing';
import { testEnv } from './test-env.js';

describe('test harness', () => {
  it('reaches the test endpoint', async () => {
    const response = await fetch(`${testEnv.endpoint}/v1/health`);
    expect(response.status).to.equal(200);
  });
});

/**
 * Evaluated first in the script-tag bundle: remembers where citylab.js came
 * from, so elements talk to that endpoint when the page configures none.
 */
import { setDefaultEndpoint } from './client/endpoint.js';

setDefaultEndpoint(import.meta.url);

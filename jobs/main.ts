// Worker entry (`npm run start:worker`): job workers only, plus /healthz and /readyz on PORT
// for container health checks. Same composition root as the API.
import { main } from '../src/server';

void main('worker');

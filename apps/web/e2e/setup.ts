import { afterAll, beforeAll, beforeEach } from 'vitest';
import { assertPagesProduceFrames, watchDuringTests } from './frames';

// See e2e/frames.ts: pages whose renderer gets no frames are found and mended, not left to time out.
beforeAll(() => watchDuringTests(true));
afterAll(() => watchDuringTests(false));
beforeEach(assertPagesProduceFrames);

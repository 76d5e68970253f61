/** Set up before every test file (vitest.config.ts): the copies a file made are removed when it is done. */
import { afterAll } from 'vitest';

import { removeSiteCopies } from './project-copy.ts';

afterAll(removeSiteCopies);

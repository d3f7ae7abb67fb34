// Every page kind, part 1 of 2: see lib/page-suite.mjs.
import { definePageTests } from '../lib/page-suite.mjs';

await definePageTests(0, 2);

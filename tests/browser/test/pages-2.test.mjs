// Every page kind, part 2 of 2: see lib/page-suite.mjs.
import { definePageTests } from '../lib/page-suite.mjs';

await definePageTests(1, 2);

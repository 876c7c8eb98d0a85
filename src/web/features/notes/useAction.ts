export { asProblem, useAction } from '../../lib/action.ts';

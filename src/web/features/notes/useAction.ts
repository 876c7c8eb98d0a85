export { useAction } from '../../lib/action.ts';

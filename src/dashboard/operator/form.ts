/** What the operator's forms share: field layout and a problem in the user's words. */
import { css } from 'lit';
import { ApiProblem } from '../api.js';

export const fieldStyles = css`
  .grid { display: grid; gap: 0.75rem; grid-template-columns: 1fr; }
  @media (min-width: 600px) { .grid { grid-template-columns: 1fr 1fr; } }
  .field { min-width: 0; }
  .hint { font-size: 0.9375rem; color: #55555a; margin: 0 0 0.25rem; }
  input[aria-invalid='true'], textarea[aria-invalid='true'] { border-color: var(--bad); border-width: 2px; }
  textarea { width: 100%; min-height: 5.5rem; font: inherit; padding: 0.5rem 0.75rem; border: 1px solid #6b6b70; border-radius: 8px; }
  textarea:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
  .check { display: flex; gap: 0.5rem; align-items: center; font-weight: 400; min-height: 44px; }
  .check input { width: 1.25rem; height: 1.25rem; flex: none; }
  fieldset { border: 1px solid var(--line); border-radius: 10px; padding: 0.75rem 1rem; margin: 0; min-width: 0; }
  legend { font-weight: 700; padding: 0 0.25rem; }
`;

/** The problem's own detail (the endpoint answers in the browser's language), or `fallback`. */
export function problemText(err: unknown, fallback: string): string {
  return err instanceof ApiProblem && err.problem.detail ? err.problem.detail : fallback;
}

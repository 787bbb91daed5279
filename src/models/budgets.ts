/**
 * AR budgets of the platforms a phone hands the model to:
 *
 * - Apple AR Quick Look: about 100,000 triangles and textures up to 2048 px
 *   (larger ones are downsampled or make the session fail on older iPhones).
 * - Google Scene Viewer / Shopify: files must stay under 15 MB; 4 MB or less is
 *   what loads quickly on a phone on the move.
 *
 * Over a hard budget the `validate` command exits non-zero; over the typical size
 * it warns.
 */
import type { ModelStats } from './stats.js';

export const AR_BUDGETS = {
  quickLookTriangles: 100_000,
  quickLookTextureSize: 2048,
  /** Decimal megabytes, the stricter reading of "15 MB". */
  maxBytes: 15_000_000,
  typicalBytes: 4_000_000,
} as const;

export interface BudgetCheck {
  id: 'triangles' | 'texture-size' | 'file-size' | 'typical-size';
  label: string;
  actual: number;
  limit: number;
  ok: boolean;
  /** A failed `error` check fails validation; a failed `warning` only warns. */
  severity: 'error' | 'warning';
}

export function checkBudgets(stats: ModelStats, budgets = AR_BUDGETS): BudgetCheck[] {
  return [
    {
      id: 'triangles',
      label: 'Quick Look: triangles',
      actual: stats.triangles,
      limit: budgets.quickLookTriangles,
      ok: stats.triangles <= budgets.quickLookTriangles,
      severity: 'error',
    },
    {
      id: 'texture-size',
      label: 'Quick Look: largest texture side (px)',
      actual: stats.maxTextureSize,
      limit: budgets.quickLookTextureSize,
      ok: stats.maxTextureSize <= budgets.quickLookTextureSize,
      severity: 'error',
    },
    {
      id: 'file-size',
      label: 'Scene Viewer / Shopify: file size',
      actual: stats.bytes,
      limit: budgets.maxBytes,
      ok: stats.bytes < budgets.maxBytes,
      severity: 'error',
    },
    {
      id: 'typical-size',
      label: 'Typical size for phones',
      actual: stats.bytes,
      limit: budgets.typicalBytes,
      ok: stats.bytes <= budgets.typicalBytes,
      severity: 'warning',
    },
  ];
}

/**
 * `citylab-models validate`: the Khronos glTF Validator's report, plus the
 * model's cost measured with glTF-Transform and checked against the AR budgets.
 */
import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import * as validator from 'gltf-validator';
import type { ValidatorMessage, ValidatorReport } from 'gltf-validator';
import { checkBudgets, type BudgetCheck } from './budgets.js';
import { modelIO } from './io.js';
import { modelFileBytes, modelStats, type ModelStats } from './stats.js';

export interface ValidationResult {
  file: string;
  validator: {
    version: string;
    errors: number;
    warnings: number;
    infos: number;
    hints: number;
    messages: ValidatorMessage[];
  };
  /** Undefined when glTF-Transform could not read the file. */
  stats?: ModelStats;
  readError?: string;
  budgets: BudgetCheck[];
  /** No validator errors, readable, and every hard budget kept. */
  ok: boolean;
}

export async function validateModel(path: string): Promise<ValidationResult> {
  const file = resolve(path);
  const data = await readFile(file);
  let report: ValidatorReport | undefined;
  let validatorFailure: string | undefined;
  try {
    report = await validator.validateBytes(new Uint8Array(data), {
      uri: basename(file),
      maxIssues: 200,
      externalResourceFunction: async (uri) => new Uint8Array(await readFile(resolve(dirname(file), decodeURIComponent(uri)))),
    });
  } catch (err) {
    // The validator rejects input it cannot even recognise as glTF or GLB.
    validatorFailure = String(err instanceof Error ? err.message : err);
  }

  let stats: ModelStats | undefined;
  let readError: string | undefined;
  try {
    const io = await modelIO();
    const doc = await io.read(file);
    stats = modelStats(doc, await modelFileBytes(file));
  } catch (err) {
    readError = err instanceof Error ? err.message : String(err);
  }

  const issues = report?.issues;
  const messages: ValidatorMessage[] = issues?.messages ?? [];
  if (validatorFailure) messages.unshift({ code: 'NOT_GLTF', message: validatorFailure, severity: 0 });
  const errors = (issues?.numErrors ?? 0) + (validatorFailure ? 1 : 0);
  const budgets = stats ? checkBudgets(stats) : [];
  const ok = errors === 0 && !readError && budgets.every((b) => b.ok || b.severity === 'warning');
  return {
    file,
    validator: {
      version: validator.version(),
      errors,
      warnings: issues?.numWarnings ?? 0,
      infos: issues?.numInfos ?? 0,
      hints: issues?.numHints ?? 0,
      messages,
    },
    ...(stats ? { stats } : {}),
    ...(readError ? { readError } : {}),
    budgets,
    ok,
  };
}

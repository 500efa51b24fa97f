import type { Config } from './config.js';
import { DEFAULT_LIMITS, type ExtractLimits } from './intake/extract/index.js';

/** The attachment limits in force, from the configuration. */
export function limitsFrom(config: Config): ExtractLimits {
  return {
    ...DEFAULT_LIMITS,
    maxBytes: config.limits.maxAttachmentBytes,
    timeoutMs: config.limits.timeoutMs,
    maxMemoryMb: config.limits.maxMemoryMb,
  };
}

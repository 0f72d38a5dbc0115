/** Kept equal to package.json's version by a test; shipped in reports and the audit log. */
export const TOOL_NAME = 'progress-review';
export const TOOL_VERSION = '0.1.0';

// Failures of the tool itself (bad usage, unreadable input, bad configuration), kept apart from findings:
// they end the run with exit code 2 and a one-line message.

export class ToolError extends Error {
  override readonly name = 'ToolError'
}

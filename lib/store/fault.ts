/**
 * Fault injection for the crash-safety tests: with SMALLPOP3_TEST_STALL set
 * to a stall point's name, the UPDATE commit stops there for good, so that a
 * test can kill the server in the middle of a commit. Does nothing otherwise.
 */
export async function stallForTests(point: string): Promise<void> {
  if (process.env.SMALLPOP3_TEST_STALL !== point) return
  process.stderr.write(`smallpop3: stalled at ${point} (SMALLPOP3_TEST_STALL)\n`)
  await new Promise(() => {})
}

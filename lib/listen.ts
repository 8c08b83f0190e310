/** Listening on a port, as each of the server's listeners does: POP3's, the admin port, the classroom view. */
import type { AddressInfo, Server } from 'node:net'

/**
 * Starts `server` on host:port (both IPv4 and IPv6 where the host is "::")
 * and gives its address. An error before it listens rejects; after it, a
 * failed accept (out of file descriptors, say) costs one connection, not
 * the server.
 */
export function listenOn(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen({ port, host, ipv6Only: false }, () => {
      server.off('error', reject)
      server.on('error', () => {})
      resolve(server.address() as AddressInfo)
    })
  })
}

package dev.partyline.server.e2e

import java.net.ServerSocket

/**
 * Ports for servers a spec stops and starts again on the same port: free now, and below the
 * range the system draws clients' ports from, so that no client connection of this or another
 * spec takes one between the server's runs.
 */
object StablePorts {
    fun free(): Int = generateSequence { (20_000..30_000).random() }
        .first { port -> runCatching { ServerSocket(port).close() }.isSuccess }
}

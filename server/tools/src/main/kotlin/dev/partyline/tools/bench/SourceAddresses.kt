package dev.partyline.tools.bench

import java.net.InetSocketAddress

/**
 * Spreads client connections round-robin over [count] loopback source addresses from
 * `127.0.0.2` on, so that each (source, server port) pair has its own ephemeral port range and
 * tens of thousands of connections never run out of ports.
 */
class SourceAddresses(val count: Int) {
    init {
        require(count in 1..MAX) { "source addresses must be 1..$MAX" }
    }

    /** The local address (any port) of connection number [index]. */
    fun forConnection(index: Int): InetSocketAddress = InetSocketAddress(host(index), 0)

    /** The source host of connection number [index]: `127.0.0.(2 + index mod count)`. */
    fun host(index: Int): String = "127.0.0.${2 + Math.floorMod(index, count)}"

    companion object {
        const val MAX = 250

        /** Connections one address carries at most by default. */
        const val PER_ADDRESS = 10_000

        /** Enough addresses that none carries more than [PER_ADDRESS] of [connections], and at least 2. */
        fun defaultCount(connections: Int): Int = maxOf(2, (connections + PER_ADDRESS - 1) / PER_ADDRESS).coerceAtMost(MAX)
    }
}

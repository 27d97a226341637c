package dev.partyline.server.base

import dev.partyline.shared.protocol.Goodbye

/**
 * The sending side of one client connection as rooms see it. Nothing here suspends: a room
 * offers text and moves on; a client that cannot keep up is dropped by its connection.
 */
interface Outbox {
    /** A number that names this connection in logs. */
    val connectionId: Long

    /** Queues [text] for the client; false if the client was too slow and is being dropped. */
    fun offer(text: String): Boolean

    /** True once the connection is closing or closed: nothing offered from now on reaches the client. */
    val isClosed: Boolean

    /** Sends [goodbye] after what is queued, then closes the connection. */
    fun close(goodbye: Goodbye)
}

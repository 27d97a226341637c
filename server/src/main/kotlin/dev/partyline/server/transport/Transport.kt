package dev.partyline.server.transport

import dev.partyline.server.session.Connection
import dev.partyline.shared.protocol.Inbound

/** One connection's transport, as [dev.partyline.server.transport.ConnectionRunner] drives it. */
interface Transport {
    /** `tcp` or `ws`, as metrics name it. */
    val kind: String

    /** Reads until the peer closes, handing each frame to [onFrame]; stops early when it returns false. */
    suspend fun read(onFrame: suspend (Inbound) -> Boolean)

    /** Writes [outbox]'s messages to the peer until the outbox ends ([Connection.drainTo] or [Connection.drainOn]). */
    suspend fun drain(outbox: Connection)

    suspend fun close()
}

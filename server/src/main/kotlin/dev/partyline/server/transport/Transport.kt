package dev.partyline.server.transport

import dev.partyline.shared.protocol.Inbound

/** One connection's transport, as [dev.partyline.server.transport.ConnectionRunner] drives it. */
interface Transport {
    /** `tcp` or `ws`, as metrics name it. */
    val kind: String

    /** Reads until the peer closes, handing each frame to [onFrame]; stops early when it returns false. */
    suspend fun read(onFrame: suspend (Inbound) -> Boolean)
    suspend fun write(text: String)
    suspend fun flush()
    suspend fun close()
}

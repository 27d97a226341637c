package dev.partyline.server.transport

/** What a transport hands up after framing: a text, or a framing fault. */
sealed interface Inbound {
    data class Text(val text: String) : Inbound
    /** A line or frame over the size limit; the connection will be closed. */
    data object TooLarge : Inbound
    /** A line or frame that is not valid UTF-8; refused, the connection goes on. */
    data object BadUtf8 : Inbound
}

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

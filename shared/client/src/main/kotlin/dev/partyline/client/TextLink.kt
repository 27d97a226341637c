package dev.partyline.client

/**
 * One connection to a Partyline server, whatever carries it: a message is one line over TCP, one
 * text frame over WebSocket. Reading is bounded by the [Connector]'s limit: a larger message ends
 * the connection, so a misbehaving server cannot grow the client's memory.
 */
interface TextLink {
    /** Sends one message; safe to call from several coroutines. */
    suspend fun send(text: String)

    /** Sends [bytes] as one message exactly as they are, valid UTF-8 or not: for testing how a server meets bad input. */
    suspend fun sendBytes(bytes: ByteArray)

    /** Hands each message the server sends to [onText], in order, until the connection ends. */
    suspend fun receive(onText: suspend (String) -> Unit)

    /** Closes the connection: a WebSocket sends its close frame for a second at most first. */
    suspend fun close()
}

package dev.partyline.server.bot

/** A bot's connection to the server, whatever its transport: JSON messages as text, one at a time each way. */
interface BotLink {
    /** Sends one message. */
    suspend fun send(text: String)

    /** Hands each message the server sends to [onMessage] until the connection ends. */
    suspend fun receive(onMessage: suspend (String) -> Unit)

    suspend fun close()
}

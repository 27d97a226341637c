package dev.partyline.server.bot

import dev.partyline.shared.protocol.Inbound
import dev.partyline.shared.protocol.LineFramer
import io.ktor.network.selector.SelectorManager
import io.ktor.network.sockets.Socket
import io.ktor.network.sockets.aSocket
import io.ktor.network.sockets.openReadChannel
import io.ktor.network.sockets.openWriteChannel
import io.ktor.utils.io.readAvailable
import io.ktor.utils.io.writeStringUtf8

/**
 * A bot's TCP connection: one message per line each way. Reading is bounded: a line longer than
 * [maxLineBytes] ends the reading, so a misbehaving server cannot grow the bot's memory.
 */
class LineSocket private constructor(private val socket: Socket, maxLineBytes: Int) : BotLink {
    private val input = socket.openReadChannel()
    private val output = socket.openWriteChannel(autoFlush = false)
    private val framer = LineFramer(maxLineBytes)

    /** Sends [text] as one line and flushes. */
    override suspend fun send(text: String) {
        output.writeStringUtf8(text + "\n")
        output.flush()
    }

    /** Hands each line to [onMessage] until the server closes the connection or sends a line too large. */
    override suspend fun receive(onMessage: suspend (String) -> Unit) {
        val buffer = ByteArray(READ_CHUNK)
        while (true) {
            val count = input.readAvailable(buffer, 0, buffer.size)
            if (count < 0) return
            for (frame in framer.feed(buffer, count)) when (frame) {
                is Inbound.Text -> onMessage(frame.text)
                Inbound.BadUtf8 -> Unit
                Inbound.TooLarge -> return
            }
        }
    }

    override suspend fun close() = socket.close()

    companion object {
        private const val READ_CHUNK = 8 * 1024

        /** Opens a connection to [host]:[port] with [selector]. */
        suspend fun connect(selector: SelectorManager, host: String, port: Int, maxLineBytes: Int): LineSocket =
            LineSocket(aSocket(selector).tcp().connect(host, port), maxLineBytes)
    }
}

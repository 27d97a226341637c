package dev.partyline.client

import dev.partyline.shared.protocol.Inbound
import dev.partyline.shared.protocol.LineFramer
import io.ktor.network.sockets.Socket
import io.ktor.network.sockets.openReadChannel
import io.ktor.network.sockets.openWriteChannel
import io.ktor.utils.io.readAvailable
import io.ktor.utils.io.writeByte
import io.ktor.utils.io.writeFully
import kotlinx.coroutines.sync.Mutex
import kotlinx.coroutines.sync.withLock

// region docs:line-link
/** A [TextLink] over raw TCP: one message per line each way, framed as the server frames them. */
internal class LineLink(private val socket: Socket, maxLineBytes: Int) : TextLink {
    private val input = socket.openReadChannel()
    private val output = socket.openWriteChannel(autoFlush = false)
    private val framer = LineFramer(maxLineBytes)
    private val writing = Mutex()

    override suspend fun send(text: String) = sendBytes(text.encodeToByteArray())

    override suspend fun sendBytes(bytes: ByteArray) = writing.withLock {
        output.writeFully(bytes)
        output.writeByte(NEWLINE)
        output.flush()
    }

    /** Ends at the server's close or at a line too large; a line that is not UTF-8 is skipped. */
    override suspend fun receive(onText: suspend (String) -> Unit) {
        val buffer = ByteArray(READ_CHUNK)
        while (true) {
            val count = input.readAvailable(buffer, 0, buffer.size)
            if (count < 0) return
            for (frame in framer.feed(buffer, count)) when (frame) {
                is Inbound.Text -> onText(frame.text)
                Inbound.BadUtf8 -> Unit
                Inbound.TooLarge -> return
            }
        }
    }

    override suspend fun close() = socket.close()

    private companion object {
        const val READ_CHUNK = 8 * 1024
        const val NEWLINE = '\n'.code.toByte()
    }
}
// endregion

package dev.partyline.tools.bench

import io.netty.channel.Channel
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame
import kotlinx.coroutines.channels.ReceiveChannel

/**
 * One simulated player's connection: [send] writes a message in its [transport]'s framing (a
 * line or a text frame) and [receive] takes the next message its [InboxHandler] passed on.
 * [index] numbers the client within the run; [connectNanos] is when its connect began.
 */
class BenchClient internal constructor(
    val index: Int,
    val transport: ClientTransport,
    private val channel: Channel,
    val inbox: ReceiveChannel<Received>,
    val connectNanos: Long,
) {
    val isOpen: Boolean get() = channel.isActive

    fun send(text: String) {
        channel.writeAndFlush(if (transport == ClientTransport.WS) TextWebSocketFrame(text) else text + "\n")
    }

    /** The next message; a closed connection is a [BenchFailure]. */
    suspend fun receive(): Received =
        inbox.receiveCatching().getOrNull() ?: throw BenchFailure("connection closed by the server")

    /** Skips messages until one of [type] comes; an `error` or `goodbye` on the way is a [BenchFailure]. */
    suspend fun expect(type: String): Received {
        while (true) {
            val next = receive()
            when (next.type) {
                type -> return next
                "error" -> throw BenchFailure("error ${BenchWire.string(next.text, "code")} while waiting for $type")
                "goodbye" -> throw BenchFailure("goodbye ${BenchWire.string(next.text, "reason")} while waiting for $type")
            }
        }
    }

    fun close() {
        channel.close()
    }
}

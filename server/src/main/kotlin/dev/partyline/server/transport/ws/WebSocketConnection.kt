package dev.partyline.server.transport.ws

import dev.partyline.server.session.Connection
import dev.partyline.server.session.LoopSink
import dev.partyline.server.transport.Transport
import dev.partyline.shared.protocol.Inbound
import io.netty.channel.Channel
import io.netty.channel.ChannelFutureListener
import io.netty.channel.ChannelHandlerContext
import io.netty.channel.ChannelInboundHandlerAdapter
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus
import io.netty.util.ReferenceCountUtil
import kotlinx.coroutines.channels.Channel as Queue
import org.slf4j.LoggerFactory
import java.util.concurrent.RejectedExecutionException
import java.util.concurrent.TimeUnit

/**
 * One WebSocket connection on its Netty channel, after the upgrade: the last handler of the
 * channel's pipeline, behind Netty's frame decoder and encoder, and the connection's [Transport].
 * Everything here runs on the channel's event loop (the connection's coroutines are dispatched
 * there by [EventLoopDispatcher]), so it keeps its state without locks.
 *
 * Reading: a text message, once whole, waits for the reader in a queue; past [PAUSE_AT] waiting
 * the socket is no longer read, so a client that floods waits on TCP. Pings are answered, a close
 * is answered with the client's own code; a binary message fails the connection with 1003, a text
 * message that is not UTF-8 with 1007. Netty's decoder refuses the rest of RFC 6455 §5 (an unmasked
 * frame, reserved bits or opcodes, a fragmented or oversized control frame, a continuation out of
 * place: 1002; a frame far over the size limit: 1009), and the connection fails with its code.
 *
 * Writing: the outbox is drained on the event loop ([Connection.drainOn]), a frame per message
 * (shared with the loop's other members of the room, [SharedFrames]) and one flush per batch;
 * while the socket's buffer is over Netty's high-water mark draining waits, so a client that
 * does not read backs up into its outbox, which drops it.
 */
internal class WebSocketConnection(private val channel: Channel, maxBytes: Int) : ChannelInboundHandlerAdapter(), Transport, LoopSink {
    override val kind = "ws"
    private val assembly = MessageAssembly(maxBytes)
    private val messages = Queue<Inbound>(Queue.UNLIMITED)
    private var waiting = 0

    /** What [Connection.drainOn] asked to run when the socket takes more again, or closes. */
    @Volatile
    private var writable: Runnable? = null

    /** Set once a close frame has gone out: nothing more is written. */
    @Volatile
    private var closing = false

    override fun channelRead(ctx: ChannelHandlerContext, msg: Any) {
        try {
            when (msg) {
                is TextWebSocketFrame, is ContinuationWebSocketFrame -> if (!closing) assembly.add(msg)?.let(::hand)
                is PingWebSocketFrame -> if (!closing) ctx.writeAndFlush(PongWebSocketFrame(msg.content().retain()))
                is CloseWebSocketFrame -> closeWith(msg.statusCode().takeIf { it > 0 }?.let { WebSocketCloseStatus(it, "") } ?: WebSocketCloseStatus.NORMAL_CLOSURE)
                is BinaryWebSocketFrame -> closeWith(BINARY_REFUSED)
                else -> Unit // a pong, or the end of the upgrade request
            }
        } finally {
            ReferenceCountUtil.release(msg)
        }
    }

    private fun hand(message: Inbound) {
        if (message == Inbound.BadUtf8) return closeWith(NOT_UTF8)
        messages.trySend(message)
        if (++waiting == PAUSE_AT) channel.config().isAutoRead = false
    }

    override fun channelWritabilityChanged(ctx: ChannelHandlerContext) {
        if (channel.isWritable) writable?.run()
        super.channelWritabilityChanged(ctx)
    }

    override fun channelInactive(ctx: ChannelHandlerContext) {
        messages.close()
        writable?.run()
        super.channelInactive(ctx)
    }

    /** A frame Netty's decoder refused fails the connection with the decoder's code and reason; any other fault closes it. */
    @Suppress("OVERRIDE_DEPRECATION")
    override fun exceptionCaught(ctx: ChannelHandlerContext, cause: Throwable) {
        log.debug("{}: {}", channel.remoteAddress(), cause.toString())
        if (cause is CorruptedWebSocketFrameException) closeWith(WebSocketCloseStatus(cause.closeStatus().code(), cause.message ?: "")) else ctx.close()
    }

    override suspend fun read(onFrame: suspend (Inbound) -> Boolean) {
        for (message in messages) {
            val goOn = onFrame(message)
            if (--waiting == 0 && !channel.config().isAutoRead) channel.config().isAutoRead = true
            if (!goOn) return
        }
    }

    override suspend fun drain(outbox: Connection) = outbox.drainOn(this)

    override fun execute(task: Runnable) {
        try {
            channel.eventLoop().execute(task)
        } catch (e: RejectedExecutionException) {
            task.run() // the loop has shut down: the channel is closed, so the task only ends the drain
        }
    }

    override val ready: Boolean get() = channel.isWritable && open

    override val open: Boolean get() = channel.isActive && !closing

    override fun put(text: String) {
        if (!closing) channel.write(SharedFrames.on(channel, text), channel.voidPromise()) // nothing may follow a close frame
    }

    override fun push() {
        channel.flush()
    }

    override fun whenReady(action: Runnable) {
        writable = action
    }

    override suspend fun close() = closeWith(WebSocketCloseStatus.NORMAL_CLOSURE)

    /**
     * Sends a close frame with [status], once, then closes the socket when it is out, or after
     * [CLOSE_MILLIS] if the peer has stopped reading; nothing more is read.
     */
    private fun closeWith(status: WebSocketCloseStatus) {
        if (!closing) {
            closing = true
            channel.writeAndFlush(CloseWebSocketFrame(status)).addListener(ChannelFutureListener.CLOSE)
            channel.eventLoop().schedule({ channel.close() }, CLOSE_MILLIS, TimeUnit.MILLISECONDS)
        }
        messages.close() // last: the reader may run on at once, and end the connection
    }

    private companion object {
        val log = LoggerFactory.getLogger(WebSocketConnection::class.java)
        const val PAUSE_AT = 16
        const val CLOSE_MILLIS = 1000L
        val BINARY_REFUSED = WebSocketCloseStatus(1003, "Partyline takes text frames: one JSON message each")
        val NOT_UTF8 = WebSocketCloseStatus(1007, "a text message must be UTF-8")
    }
}

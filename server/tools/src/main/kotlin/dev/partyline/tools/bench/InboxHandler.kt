package dev.partyline.tools.bench

import io.netty.channel.ChannelHandlerContext
import io.netty.channel.ChannelInboundHandlerAdapter
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler
import io.netty.util.ReferenceCountUtil
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.channels.SendChannel
import java.util.concurrent.atomic.LongAdder

/**
 * The last handler of a bench connection's pipeline, on Netty's event loop: it stamps each
 * message's arrival, answers server `ping`s itself (so idle clients are never closed), counts
 * and drops [BenchWire.isNoise] floods into [noise], and hands the rest to the client's
 * coroutine through [inbox]. [ready] completes when the connection can carry messages (at once
 * for TCP, after the handshake for WebSocket).
 */
internal class InboxHandler(
    private val inbox: SendChannel<Received>,
    private val noise: LongAdder,
    private val ready: CompletableDeferred<Unit>,
    private val websocket: Boolean,
) : ChannelInboundHandlerAdapter() {
    override fun channelActive(ctx: ChannelHandlerContext) {
        if (!websocket) ready.complete(Unit)
        ctx.fireChannelActive()
    }

    override fun userEventTriggered(ctx: ChannelHandlerContext, evt: Any) {
        when (evt) {
            WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE -> ready.complete(Unit)
            WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT ->
                ready.completeExceptionally(BenchFailure("WebSocket handshake timed out"))
        }
        ctx.fireUserEventTriggered(evt)
    }

    override fun channelRead(ctx: ChannelHandlerContext, msg: Any) {
        val now = System.nanoTime()
        val text = when (msg) {
            is String -> msg
            is TextWebSocketFrame -> msg.text()
            else -> null
        }
        ReferenceCountUtil.release(msg)
        when {
            text == null -> Unit
            BenchWire.isPing(text) -> ctx.writeAndFlush(frame(BenchWire.pong(text)))
            BenchWire.isNoise(text) -> noise.increment()
            else -> inbox.trySend(Received(text, now))
        }
    }

    override fun channelInactive(ctx: ChannelHandlerContext) {
        ready.completeExceptionally(BenchFailure("connection closed before it was ready"))
        inbox.close()
        ctx.fireChannelInactive()
    }

    private fun frame(text: String): Any = if (websocket) TextWebSocketFrame(text) else text + "\n"

    override fun exceptionCaught(ctx: ChannelHandlerContext, cause: Throwable) {
        ready.completeExceptionally(cause)
        ctx.close()
    }
}

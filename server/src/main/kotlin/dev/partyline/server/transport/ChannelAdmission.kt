package dev.partyline.server.transport

import io.ktor.server.application.ApplicationCall
import io.ktor.server.netty.NettyApplicationCall
import io.ktor.server.routing.RoutingCall
import io.ktor.server.routing.RoutingPipelineCall
import io.netty.channel.Channel
import io.netty.channel.ChannelHandlerContext
import io.netty.channel.ChannelInboundHandlerAdapter
import io.netty.channel.ChannelPipeline
import io.netty.util.AttributeKey
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Deferred
import kotlinx.coroutines.async
import java.net.InetSocketAddress

/**
 * Counts every HTTP connection — WebSocket upgrades included — against the per-address
 * [ConnectionGate] once, when it opens, as TCP connections are counted. The answer rides on the
 * Netty channel: a WebSocket's runner turns the connection away in the protocol's words, and an
 * HTTP request on it is answered `429` (see [admitted]).
 */
class ChannelAdmission(private val gate: ConnectionGate, private val scope: CoroutineScope) {
    /** Puts the count first in an HTTP connection's [pipeline]. */
    fun install(pipeline: ChannelPipeline) {
        pipeline.addFirst("partyline-admission", object : ChannelInboundHandlerAdapter() {
            override fun channelActive(ctx: ChannelHandlerContext) {
                val address = (ctx.channel().remoteAddress() as? InetSocketAddress)?.address?.hostAddress
                if (address != null && gate.counts(address)) ctx.channel().attr(DECISION).set(scope.async { gate.admit(address) })
                super.channelActive(ctx)
            }
        })
    }

    companion object {
        private val DECISION = AttributeKey.valueOf<Deferred<Boolean>>("partyline-admitted")

        /** Whether the connection [call] came on was admitted: always, for an address the gate does not count. */
        suspend fun admitted(call: ApplicationCall): Boolean = call.channel()?.let { admitted(it) } ?: true

        /** Whether [channel] was admitted: always, for an address the gate does not count. */
        suspend fun admitted(channel: Channel): Boolean = channel.attr(DECISION).get()?.await() ?: true

        /** The Netty channel under [this] call, through Ktor's routing wrappers. */
        private fun ApplicationCall.channel(): Channel? = when (this) {
            is NettyApplicationCall -> context.channel()
            is RoutingCall -> pipelineCall.channel()
            is RoutingPipelineCall -> engineCall.channel()
            else -> null
        }
    }
}

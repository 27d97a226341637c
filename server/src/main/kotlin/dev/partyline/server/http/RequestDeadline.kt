package dev.partyline.server.http

import io.netty.buffer.ByteBuf
import io.netty.channel.ChannelDuplexHandler
import io.netty.channel.ChannelHandlerContext
import io.netty.channel.ChannelInboundHandlerAdapter
import io.netty.channel.ChannelPipeline
import io.netty.channel.ChannelPromise
import io.netty.handler.codec.http.HttpResponse
import io.netty.handler.codec.http.HttpResponseStatus
import io.netty.handler.codec.http.LastHttpContent
import java.util.concurrent.ScheduledFuture
import java.util.concurrent.TimeUnit

/**
 * Bounds how long an HTTP request may take to arrive — its headers and body together — from its
 * first byte (or from the connection's opening) to its end: a client that dribbles a request
 * (slowloris) is closed after [millis], as Node and nginx do. An idle keep-alive connection is
 * not timed; a connection upgraded to a WebSocket no longer is.
 */
class RequestDeadline private constructor(private val millis: Long) {
    private var timer: ScheduledFuture<*>? = null
    private var receiving = false
    private var upgraded = false

    /** Sees raw bytes, before the HTTP codec: the first byte of a request starts its clock. */
    private val bytes = object : ChannelInboundHandlerAdapter() {
        override fun channelActive(ctx: ChannelHandlerContext) {
            start(ctx)
            super.channelActive(ctx)
        }

        override fun channelRead(ctx: ChannelHandlerContext, msg: Any) {
            if (msg is ByteBuf && !receiving && !upgraded) start(ctx)
            super.channelRead(ctx, msg)
        }

        override fun channelInactive(ctx: ChannelHandlerContext) {
            stop()
            super.channelInactive(ctx)
        }
    }

    /** Sees decoded requests and responses, after the codec: a request's last part stops the clock, a `101` ends timing for good. */
    private val messages = object : ChannelDuplexHandler() {
        override fun channelRead(ctx: ChannelHandlerContext, msg: Any) {
            if (msg is LastHttpContent) stop()
            super.channelRead(ctx, msg)
        }

        override fun write(ctx: ChannelHandlerContext, msg: Any, promise: ChannelPromise) {
            if (msg is HttpResponse && msg.status() == HttpResponseStatus.SWITCHING_PROTOCOLS) {
                upgraded = true
                stop()
            }
            super.write(ctx, msg, promise)
        }
    }

    private fun start(ctx: ChannelHandlerContext) {
        receiving = true
        timer?.cancel(false)
        timer = ctx.executor().schedule({ if (receiving) ctx.close() }, millis, TimeUnit.MILLISECONDS)
    }

    private fun stop() {
        receiving = false
        timer?.cancel(false)
        timer = null
    }

    companion object {
        /** Adds a deadline of [millis] around Ktor's HTTP codec (named `codec`) in [pipeline]. */
        fun install(pipeline: ChannelPipeline, millis: Long) {
            val deadline = RequestDeadline(millis)
            pipeline.addBefore("codec", "partyline-request-bytes", deadline.bytes)
            pipeline.addAfter("codec", "partyline-request-messages", deadline.messages)
        }
    }
}

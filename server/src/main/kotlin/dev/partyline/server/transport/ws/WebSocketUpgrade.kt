package dev.partyline.server.transport.ws

import dev.partyline.server.base.ServerConfig
import dev.partyline.server.session.Credentials
import dev.partyline.server.store.AccountStore
import dev.partyline.server.transport.ChannelAdmission
import dev.partyline.server.transport.ConnectionRunner
import io.ktor.http.CookieEncoding
import io.ktor.http.decodeCookieValue
import io.ktor.http.parseClientCookiesHeader
import io.netty.buffer.Unpooled
import io.netty.channel.ChannelFutureListener
import io.netty.channel.ChannelHandlerContext
import io.netty.channel.ChannelInboundHandlerAdapter
import io.netty.channel.ChannelPipeline
import io.netty.handler.codec.http.DefaultFullHttpRequest
import io.netty.handler.codec.http.DefaultFullHttpResponse
import io.netty.handler.codec.http.EmptyHttpHeaders
import io.netty.handler.codec.http.HttpContent
import io.netty.handler.codec.http.HttpHeaderNames
import io.netty.handler.codec.http.HttpHeaderValues
import io.netty.handler.codec.http.HttpRequest
import io.netty.handler.codec.http.HttpResponseStatus
import io.netty.handler.codec.http.HttpServerCodec
import io.netty.handler.codec.http.HttpVersion
import io.netty.handler.codec.http.LastHttpContent
import io.netty.handler.codec.http.QueryStringDecoder
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig
import io.netty.handler.codec.http.websocketx.WebSocketFrameDecoder
import io.netty.handler.codec.http.websocketx.WebSocketFrameEncoder
import io.netty.handler.codec.http.websocketx.WebSocketHandshakeException
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory
import io.netty.util.ReferenceCountUtil
import java.net.InetSocketAddress
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.launch

/**
 * `GET /ws` with `Upgrade: websocket`, taken in Ktor's Netty pipeline before Ktor's own HTTP
 * handler sees it: one JSON message per text frame, run by the same [ConnectionRunner] as TCP.
 * The upgrade is checked against the [OriginPolicy] (a page of a foreign origin gets 403 before
 * it completes), Netty's handshaker answers it, and then the channel holds only Netty's frame
 * codec and a [WebSocketConnection]: no Ktor session, byte channels or coroutines in between
 * (they cost several times the memory and CPU per message: docs/benchmarks.md). Every other
 * request goes on to Ktor.
 */
class WebSocketUpgrade(private val config: ServerConfig, private val runner: ConnectionRunner, private val scope: CoroutineScope) {
    private val policy = OriginPolicy(config.allowedOrigins)
    private val handshakers = WebSocketServerHandshakerFactory(
        PATH,
        null,
        WebSocketDecoderConfig.newBuilder()
            // Frames a little over our limit reach us and get a `too_large` goodbye; far larger ones are cut with 1009.
            .maxFramePayloadLength(config.maxLineBytes * 4)
            .expectMaskedFrames(true)
            .allowMaskMismatch(false)
            .allowExtensions(false)
            .closeOnProtocolViolation(false) // the connection closes with the decoder's code itself, through the encoder
            .withUTF8Validator(false) // a text message is checked whole, as it is decoded
            .build(),
    )

    /** Adds the upgrade to an HTTP connection's [pipeline], right after Ktor's HTTP codec (named `codec`). */
    fun install(pipeline: ChannelPipeline) {
        pipeline.addAfter("codec", "partyline-ws-upgrade", Handler())
    }

    private inner class Handler : ChannelInboundHandlerAdapter() {
        /** Set while the rest of a request this handler answered comes in: it goes no further. */
        private var answered = false

        override fun channelRead(ctx: ChannelHandlerContext, msg: Any) {
            when {
                msg is HttpRequest && isUpgrade(msg) -> {
                    answered = msg !is LastHttpContent
                    upgrade(ctx, msg)
                }
                answered && msg is HttpContent -> {
                    answered = msg !is LastHttpContent
                    ReferenceCountUtil.release(msg)
                }
                else -> ctx.fireChannelRead(msg)
            }
        }

        private fun isUpgrade(request: HttpRequest) =
            request.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true) &&
                QueryStringDecoder(request.uri()).path() == PATH
    }

    private fun upgrade(ctx: ChannelHandlerContext, request: HttpRequest) {
        val headers = request.headers()
        val origin = headers[HttpHeaderNames.ORIGIN]
        if (!policy.permits(origin, headers[HttpHeaderNames.HOST])) {
            return refuse(ctx, HttpResponseStatus.FORBIDDEN, "WebSocket connections from ${origin?.take(100)} are not allowed")
        }
        val handshaker = handshakers.newHandshaker(request)
        if (handshaker == null) { // a version other than 13: 426 with the one we speak
            WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel()).addListener(ChannelFutureListener.CLOSE)
            return
        }
        val whole = DefaultFullHttpRequest(request.protocolVersion(), request.method(), request.uri(), Unpooled.EMPTY_BUFFER, headers, EmptyHttpHeaders.INSTANCE)
        try {
            handshaker.handshake(ctx.channel(), whole, null, ctx.channel().newPromise())
        } catch (e: WebSocketHandshakeException) {
            return refuse(ctx, HttpResponseStatus.BAD_REQUEST, e.message ?: "not a WebSocket upgrade")
        }
        val channel = ctx.channel()
        val pipeline = channel.pipeline()
        // Only the frame codec stays (and the HTTP codec until the handshaker removes it, once the 101 is out).
        pipeline.toMap().forEach { (name, handler) ->
            if (handler !is WebSocketFrameDecoder && handler !is WebSocketFrameEncoder && handler !is HttpServerCodec) pipeline.remove(name)
        }
        val connection = WebSocketConnection(channel, config.maxLineBytes)
        pipeline.addLast("partyline-ws", connection)
        channel.config().isAutoRead = true // Ktor reads HTTP on demand
        val address = (channel.remoteAddress() as InetSocketAddress).address.hostAddress
        val credentials = Credentials(sessionCookie = sessionCookie(request))
        scope.launch(EventLoopDispatcher(channel.eventLoop())) {
            runner.run(address, address, connection, credentials) { ChannelAdmission.admitted(channel) }
        }
    }

    /** Answers an upgrade that will not be made with [status] and [text], and closes the connection. */
    private fun refuse(ctx: ChannelHandlerContext, status: HttpResponseStatus, text: String) {
        val response = DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.copiedBuffer(text, Charsets.UTF_8))
        response.headers()
            .set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=UTF-8")
            .setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes())
            .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE)
    }

    /** A browser's session cookie, read as Ktor reads cookies for HTTP requests. */
    private fun sessionCookie(request: HttpRequest): String? = request.headers().getAll(HttpHeaderNames.COOKIE)
        .firstNotNullOfOrNull { parseClientCookiesHeader(it)[AccountStore.SESSION_COOKIE] }
        ?.let { decodeCookieValue(it, CookieEncoding.URI_ENCODING) }

    private companion object {
        const val PATH = "/ws"
    }
}

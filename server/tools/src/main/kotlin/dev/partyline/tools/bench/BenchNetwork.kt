package dev.partyline.tools.bench

import io.netty.bootstrap.Bootstrap
import io.netty.channel.ChannelFuture
import io.netty.channel.ChannelInitializer
import io.netty.channel.ChannelOption
import io.netty.channel.MultiThreadIoEventLoopGroup
import io.netty.channel.epoll.Epoll
import io.netty.channel.epoll.EpollIoHandler
import io.netty.channel.epoll.EpollSocketChannel
import io.netty.channel.nio.NioIoHandler
import io.netty.channel.socket.SocketChannel
import io.netty.channel.socket.nio.NioSocketChannel
import io.netty.handler.codec.LineBasedFrameDecoder
import io.netty.handler.codec.http.HttpClientCodec
import io.netty.handler.codec.http.HttpObjectAggregator
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator
import io.netty.handler.codec.string.StringDecoder
import io.netty.handler.codec.string.StringEncoder
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.suspendCancellableCoroutine
import kotlinx.coroutines.sync.Semaphore
import kotlinx.coroutines.sync.withPermit
import java.net.InetSocketAddress
import java.net.URI
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.LongAdder
import kotlin.coroutines.resume
import kotlin.coroutines.resumeWithException

/**
 * The bench's client side of the network: one event-loop group shared by every connection
 * (epoll when Netty's native transport loads, NIO otherwise), connections spread over
 * [SourceAddresses], and at most `connectsInFlight` connects at once so the server's listen
 * backlog never overflows.
 */
class BenchNetwork(private val settings: BenchSettings) : AutoCloseable {
    private val epoll = Epoll.isAvailable()
    private val group = MultiThreadIoEventLoopGroup(
        Runtime.getRuntime().availableProcessors(),
        if (epoll) EpollIoHandler.newFactory() else NioIoHandler.newFactory(),
    )
    private val sources = SourceAddresses(settings.sources)
    private val permits = Semaphore(settings.connectsInFlight)
    private val tcpRemote = InetSocketAddress(settings.host, settings.tcpPort)
    private val httpRemote = InetSocketAddress(settings.host, settings.httpPort)
    private val wsUri = URI("ws://${settings.host}:${settings.httpPort}/ws")

    /** Flood events ([BenchWire.isNoise]) every connection counted and dropped. */
    val noise = LongAdder()

    /** The event-loop kind in use, for the report's notes. */
    val kind: String get() = if (epoll) "epoll" else "nio"

    /** Opens connection number [index] over [transport] (TCP or WS) and returns it once it can carry messages. */
    suspend fun connect(index: Int, transport: ClientTransport): BenchClient = permits.withPermit {
        val started = System.nanoTime()
        val websocket = transport == ClientTransport.WS
        val inbox = Channel<Received>(Channel.UNLIMITED)
        val ready = CompletableDeferred<Unit>()
        val bootstrap = Bootstrap().group(group)
            .channel(if (epoll) EpollSocketChannel::class.java else NioSocketChannel::class.java)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MILLIS)
            .handler(object : ChannelInitializer<SocketChannel>() {
                override fun initChannel(ch: SocketChannel) {
                    val inboxHandler = InboxHandler(inbox, noise, ready, websocket)
                    if (websocket) {
                        val config = WebSocketClientProtocolConfig.newBuilder()
                            .webSocketUri(wsUri).generateOriginHeader(false)
                            .maxFramePayloadLength(MAX_MESSAGE_BYTES).handshakeTimeoutMillis(CONNECT_TIMEOUT_MILLIS.toLong())
                            .build()
                        ch.pipeline().addLast(HttpClientCodec(), HttpObjectAggregator(64 * 1024), WebSocketClientProtocolHandler(config), WebSocketFrameAggregator(MAX_MESSAGE_BYTES), inboxHandler)
                    } else {
                        ch.pipeline().addLast(LineBasedFrameDecoder(MAX_MESSAGE_BYTES), StringDecoder(Charsets.UTF_8), StringEncoder(Charsets.UTF_8), inboxHandler)
                    }
                }
            })
        val channel = bootstrap.connect(if (websocket) httpRemote else tcpRemote, sources.forConnection(index)).awaitChannel()
        val client = BenchClient(index, transport, channel, inbox, started)
        try {
            ready.await()
        } catch (e: Throwable) {
            channel.close()
            throw e
        }
        client
    }

    override fun close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly()
    }

    private suspend fun ChannelFuture.awaitChannel(): io.netty.channel.Channel = suspendCancellableCoroutine { cont ->
        addListener { done ->
            if (done.isSuccess) cont.resume(channel()) else cont.resumeWithException(BenchFailure("connect failed: ${done.cause()?.message}"))
        }
        cont.invokeOnCancellation { channel().close() }
    }

    companion object {
        /** Largest line or frame a bench client accepts: snapshots and reveals of big rooms are large. */
        const val MAX_MESSAGE_BYTES = 16 * 1024 * 1024
        const val CONNECT_TIMEOUT_MILLIS = 15_000
    }
}

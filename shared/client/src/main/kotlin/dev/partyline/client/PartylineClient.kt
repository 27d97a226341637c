package dev.partyline.client

import dev.partyline.shared.game.Games
import dev.partyline.shared.protocol.ClientMessage
import dev.partyline.shared.protocol.CoreClientMessages
import dev.partyline.shared.protocol.ErrorMessage
import dev.partyline.shared.protocol.Goodbye
import dev.partyline.shared.protocol.Limits
import dev.partyline.shared.protocol.ServerMessage
import dev.partyline.shared.protocol.ServerPing
import dev.partyline.shared.protocol.Welcome
import dev.partyline.shared.protocol.WireCodec
import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.NonCancellable
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.cancel
import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.delay
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.first
import kotlinx.coroutines.flow.receiveAsFlow
import kotlinx.coroutines.launch
import kotlinx.coroutines.withContext
import kotlinx.coroutines.withTimeoutOrNull
import kotlinx.serialization.SerializationException
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.contentOrNull
import java.io.IOException
import java.util.concurrent.ConcurrentHashMap
import java.util.concurrent.atomic.AtomicLong
import kotlin.time.Duration
import kotlin.time.TimeSource

/**
 * A connection to a Partyline server over TCP or WebSocket, speaking typed messages: what it
 * sends is a [ClientMessage], what it receives a [Received] with a [ServerMessage] inside.
 *
 * - [events] is every message the server sends, in order, except the replies [request] returns.
 * - [request] sends a message with an `id` and returns the reply that carries it back as `re`.
 * - The server's `ping` is answered for you ([ClientSettings.answerPings]).
 * - When the connection drops (not on a `goodbye` or [close]), it reconnects and says hello with
 *   its session token: the server's `welcome` (`resumed`) and `room` snapshot arrive in [events].
 *
 * Make one with [connect]; Java code uses [JavaPartylineClient].
 */
class PartylineClient private constructor(
    private val settings: ClientSettings,
    first: TextLink,
    private val reopen: (suspend () -> TextLink)?,
) : AutoCloseable {
    private val scope = CoroutineScope(SupervisorJob() + Dispatchers.IO)
    private val inbox = Channel<Received>(settings.inboxCapacity)
    private val pending = ConcurrentHashMap<String, CompletableDeferred<Received>>()
    private val requests = AtomicLong()
    private val state = MutableStateFlow<LinkState>(LinkState.Open(first))
    private val end = CompletableDeferred<String>()

    @Volatile private var closing = false
    @Volatile private var goodbye: Goodbye? = null
    @Volatile private var hello: CoreClientMessages.Hello? = null

    /** The latest `welcome`: who this client is, and its session token. */
    @Volatile var welcome: Welcome? = null
        private set

    /** Every message the server sends, in order, except the replies [request] returns; it ends when the client does. Collect it once. */
    val events: Flow<Received> = inbox.receiveAsFlow()

    private val runner = scope.launch { run(first) }

    init {
        runner.invokeOnCompletion { scope.cancel() }
    }

    /** Says hello as [name] (a [bot] or a person) and returns the `welcome`. */
    suspend fun hello(name: String, bot: Boolean = false): Welcome {
        val message = CoreClientMessages.Hello(name = name, protocol = Limits.PROTOCOL_VERSION, client = settings.client, bot = bot)
        return when (val reply = request(message).message) {
            is Welcome -> reply
            else -> throw refused("hello", reply)
        }
    }

    /** Sends [message] without waiting for anything back. */
    suspend fun send(message: ClientMessage) = sendText(encode(message, null))

    /**
     * Sends text as it is, for what [send] cannot say: a message of a game this client does not
     * know, or, when testing a server, a malformed one.
     */
    suspend fun sendText(text: String) = writing { link().send(text) }

    /** Sends [bytes] as one message exactly as they are (see [TextLink.sendBytes]). */
    suspend fun sendBytes(bytes: ByteArray) = writing { link().sendBytes(bytes) }

    /**
     * Sends [message] as a request and returns the server's direct reply to it: the answer, or an
     * [ErrorMessage]. Only some messages get a direct reply (`hello`, `create`, `join`, `answer`…,
     * see the protocol); a request the server answers only with room events times out.
     */
    suspend fun request(message: ClientMessage, timeout: Duration = settings.requestTimeout): Received {
        val id = "c${requests.incrementAndGet()}"
        val reply = CompletableDeferred<Received>()
        pending[id] = reply
        try {
            sendText(encode(message, JsonPrimitive(id)))
            return withTimeoutOrNull(timeout) { reply.await() }
                ?: throw PartylineException("no reply to a '${CODEC.typeOf(message)}' request within $timeout")
        } finally {
            pending.remove(id)
        }
    }

    /** Waits until the client has ended and returns why: a `goodbye` reason, [CLOSED] or [DROPPED]. */
    suspend fun awaitEnd(): String = end.await()

    /** Closes the connection (a WebSocket says goodbye for a second at most) and ends [events]; returns at once. */
    override fun close() {
        closing = true
        scope.launch {
            (state.value as? LinkState.Open)?.link?.close()
            runner.cancel()
        }
    }

    /** Encodes [message], remembering a `hello` to say again when resuming. */
    private fun encode(message: ClientMessage, id: JsonPrimitive?): String {
        if (message is CoreClientMessages.Hello) hello = message
        return CODEC.encodeClient(message, id)
    }

    /** Runs a write; one on a connection that has just closed fails as [PartylineException], like a write after the end. */
    private suspend fun writing(write: suspend () -> Unit) = try {
        write()
    } catch (e: IOException) {
        throw PartylineException("the connection closed: ${e.message ?: e.javaClass.simpleName}")
    }

    private suspend fun link(): TextLink = when (val current = state.first { it != LinkState.Reconnecting }) {
        is LinkState.Open -> current.link
        else -> throw PartylineException("the client has ended: ${end.getCompleted()}")
    }

    private suspend fun run(first: TextLink) {
        try {
            var current: TextLink? = first
            while (current != null) {
                pump(current)
                state.value = LinkState.Reconnecting
                fail("the connection dropped before the reply")
                current = if (settings.resume && !closing && goodbye == null && welcome != null) reconnect() else null
            }
        } finally {
            end.complete(goodbye?.reason ?: if (closing) CLOSED else DROPPED)
            state.value = LinkState.Ended
            inbox.close()
            fail("the client has ended")
        }
    }

    private suspend fun pump(link: TextLink) {
        try {
            link.receive { text -> take(link, text) }
        } catch (e: CancellationException) {
            throw e
        } catch (_: Exception) {
            // a reset or a broken frame ends this connection like a close
        } finally {
            withContext(NonCancellable) { link.close() }
        }
    }

    private suspend fun take(link: TextLink, text: String) {
        val json = runCatching { CODEC.json.parseToJsonElement(text) as? JsonObject }.getOrNull() ?: return
        val received = Received(decode(json), json, text)
        when (val message = received.message) {
            is ServerPing -> if (settings.answerPings) link.send(CODEC.encodeClient(CoreClientMessages.Pong(message.t)))
            is Welcome -> welcome = message
            is Goodbye -> goodbye = message
        }
        val waiter = (received.re as? JsonPrimitive)?.contentOrNull?.let { pending.remove(it) }
        if (waiter != null) waiter.complete(received) else inbox.send(received)
    }

    private suspend fun reconnect(): TextLink? {
        val open = reopen ?: return null
        val said = hello ?: return null
        val session = welcome?.session ?: return null
        val started = TimeSource.Monotonic.markNow()
        var wait = FIRST_RETRY_MILLIS
        while (!closing && started.elapsedNow() < settings.resumeWithin) {
            try {
                val link = open()
                link.send(CODEC.encodeClient(said.copy(session = session)))
                state.value = LinkState.Open(link)
                return link
            } catch (e: CancellationException) {
                throw e
            } catch (_: Exception) {
                delay(wait)
                wait = (wait * 2).coerceAtMost(LAST_RETRY_MILLIS)
            }
        }
        return null
    }

    private fun fail(why: String) {
        pending.values.forEach { it.completeExceptionally(PartylineException(why)) }
    }

    private sealed interface LinkState {
        data class Open(val link: TextLink) : LinkState
        data object Reconnecting : LinkState
        data object Ended : LinkState
    }

    companion object {
        /** Why a client ended when it was closed by its own [close]. */
        const val CLOSED = "closed"

        /** Why a client ended when its connection dropped and could not be resumed. */
        const val DROPPED = "dropped"

        private const val FIRST_RETRY_MILLIS = 100L
        private const val LAST_RETRY_MILLIS = 2_000L

        /** The codec of every game this version knows. */
        val CODEC = WireCodec(Games.all)

        /** The connector of clients made without one of their own; it lives as long as the process. */
        val sharedConnector: Connector by lazy { Connector() }

        /** Connects to [endpoint]; say [hello] next. */
        suspend fun connect(
            endpoint: Endpoint,
            settings: ClientSettings = ClientSettings(),
            connector: Connector = sharedConnector,
        ): PartylineClient = PartylineClient(settings, connector.open(endpoint)) { connector.open(endpoint) }

        /** A client over [link], a connection made some other way (a test's raw socket, a proxy); it cannot resume after a drop. */
        fun over(link: TextLink, settings: ClientSettings = ClientSettings()): PartylineClient = PartylineClient(settings, link, null)

        private fun decode(json: JsonObject): ServerMessage = try {
            CODEC.decodeServer(json)
        } catch (_: SerializationException) {
            UnknownMessage((json["type"] as? JsonPrimitive)?.contentOrNull.orEmpty(), json)
        } catch (_: IllegalArgumentException) {
            UnknownMessage((json["type"] as? JsonPrimitive)?.contentOrNull.orEmpty(), json)
        }

        private fun refused(what: String, reply: ServerMessage) = when (reply) {
            is ErrorMessage -> PartylineException("'$what' refused: ${reply.message}", reply.code)
            else -> PartylineException("'$what' answered with an unexpected message: $reply")
        }
    }
}

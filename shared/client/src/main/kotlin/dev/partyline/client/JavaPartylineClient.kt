package dev.partyline.client

import dev.partyline.shared.protocol.ClientMessage
import dev.partyline.shared.protocol.Welcome
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.cancel
import kotlinx.coroutines.future.future
import kotlinx.coroutines.launch
import java.util.concurrent.CompletableFuture

/** Hears a [JavaPartylineClient]'s messages, one at a time in order, on a thread of the client's. */
fun interface MessageListener {
    /** One message from the server (not the replies that requests return). */
    fun onMessage(received: Received)

    /** The client ended, for [reason]: a `goodbye` reason, `closed` or `dropped`. */
    fun onEnd(reason: String) {}
}

/**
 * A [PartylineClient] for Java: each call returns a [CompletableFuture], and a [MessageListener]
 * hears the events. Nothing in its signatures is a coroutine.
 */
class JavaPartylineClient private constructor(private val client: PartylineClient, listener: MessageListener) : AutoCloseable {
    private val scope = CoroutineScope(SupervisorJob() + Dispatchers.Default)

    init {
        scope.launch {
            client.events.collect { listener.onMessage(it) }
            listener.onEnd(client.awaitEnd())
            scope.cancel()
        }
    }

    /** Says hello as [name], a bot if [bot]; completes with the `welcome`. */
    fun hello(name: String, bot: Boolean): CompletableFuture<Welcome> = scope.future { client.hello(name, bot) }

    /** Sends [message]; completes once it is written. */
    fun send(message: ClientMessage): CompletableFuture<Void?> = scope.future { client.send(message); null }

    /** Sends [message] as a request; completes with the server's direct reply (see [PartylineClient.request]). */
    fun request(message: ClientMessage): CompletableFuture<Received> = scope.future { client.request(message) }

    override fun close() = client.close()

    companion object {
        /** Connects over raw TCP to [host]:[port]; [listener] hears every message. */
        @JvmStatic
        fun tcp(host: String, port: Int, listener: MessageListener): CompletableFuture<JavaPartylineClient> =
            open(Endpoint.Tcp(host, port), listener)

        /** Connects to the WebSocket at [url] (`ws://host:8080/ws`); [listener] hears every message. */
        @JvmStatic
        fun webSocket(url: String, listener: MessageListener): CompletableFuture<JavaPartylineClient> =
            open(Endpoint.WebSocket(url), listener)

        private fun open(endpoint: Endpoint, listener: MessageListener) = CoroutineScope(Dispatchers.IO).future {
            JavaPartylineClient(PartylineClient.connect(endpoint), listener)
        }
    }
}

package dev.partyline.server.room

import dev.partyline.server.base.Clock
import dev.partyline.server.base.Outbox
import dev.partyline.shared.protocol.Decoded
import dev.partyline.shared.protocol.ErrorMessage
import dev.partyline.shared.protocol.Goodbye
import dev.partyline.shared.protocol.PlayerId
import dev.partyline.shared.protocol.WireCodec
import kotlinx.coroutines.DelicateCoroutinesApi
import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.channels.ReceiveChannel

/**
 * A bot that the server runs as a member of [room], with nothing a remote client lacks: the room
 * [offer]s it the same texts it would write to a connection (a bounded queue filled with
 * `trySend`, so the room never waits for it; full means the bot is dropped), which the bot reads
 * from [inbox]; and its own messages go in as text through [send], decoded like a line and
 * stamped on arrival, as ordinary member messages in the room's mailbox.
 */
class ServerBot(
    val player: PlayerId,
    val name: String,
    /** 0..1: quiz answer speed, memory recall. */
    val skill: Double,
    capacity: Int,
    private val room: RoomActor,
    private val codec: WireCodec,
    private val clock: Clock,
) : Outbox {
    private val queue = Channel<String>(capacity)

    /** A server bot has no connection; its id only tells it apart in logs. */
    override val connectionId: Long = NO_CONNECTION

    /** What the room has sent this bot, in order; closed once the bot is removed or the room closes. */
    val inbox: ReceiveChannel<String> get() = queue

    @OptIn(DelicateCoroutinesApi::class)
    override val isClosed: Boolean get() = queue.isClosedForSend

    override fun offer(text: String): Boolean {
        if (queue.trySend(text).isSuccess) return true
        queue.cancel() // fell too far behind: it ends, and leaves the room
        return false
    }

    override fun close(goodbye: Goodbye) {
        queue.trySend(codec.encode(goodbye))
        queue.close()
    }

    /** Sends one message of the bot, as JSON text; false once the room has closed. */
    suspend fun send(text: String): Boolean {
        val receivedAt = clock.now()
        return when (val decoded = codec.decode(text)) {
            is Decoded.Message -> room.submit(player, decoded.message, decoded.id, receivedAt)
            is Decoded.Refused -> offer(codec.encode(ErrorMessage(decoded.rejection), re = decoded.id))
        }
    }

    private companion object {
        const val NO_CONNECTION = -1L
    }
}

/**
 * Plays a [ServerBot] until its inbox closes. The room knows bots only through this, so the
 * brains live with the bot client (see `dev.partyline.server.bot.ServerBotPlayer`).
 */
fun interface BotDriver {
    suspend fun play(bot: ServerBot)
}

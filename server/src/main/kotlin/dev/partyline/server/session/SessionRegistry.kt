package dev.partyline.server.session

import dev.partyline.server.base.Outbox
import dev.partyline.server.base.ServerConfig
import dev.partyline.server.base.serveEach
import dev.partyline.server.room.RoomActor
import dev.partyline.server.room.Secrets
import dev.partyline.server.store.StoreSecrets
import dev.partyline.shared.protocol.Goodbye
import dev.partyline.shared.protocol.PlayerId
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.delay
import kotlinx.coroutines.launch
import org.slf4j.LoggerFactory

/** What a connection learns about its player on `hello`: who it is, and the room it was in. [tokenHash] is what a room logs of the token. */
data class PlayerSession(
    val player: PlayerId,
    val token: String,
    val name: String,
    val bot: Boolean,
    val room: RoomActor?,
    val tokenHash: String = StoreSecrets.hash(token),
)

/**
 * Players' sessions by id: the hash of each token, its current connection and its room.
 * An actor; a dropped session is kept for the grace period, then forgotten. Sessions of a room
 * rebuilt after a restart are [restore]d from their hashes, as if dropped at that moment.
 */
class SessionRegistry(private val scope: CoroutineScope, private val config: ServerConfig, private val secrets: Secrets) {
    private class Entry(val session: PlayerSession, var outbox: Outbox?) {
        var epoch: Long = 0
        var room: RoomActor? = null
    }

    private sealed interface Command {
        /** Where the answer goes, if a caller waits for one: a command that fails is answered with its failure. */
        val reply: CompletableDeferred<*>? get() = null

        data class Open(val name: String, val bot: Boolean, val outbox: Outbox, override val reply: CompletableDeferred<PlayerSession>) : Command
        data class Resume(val token: String, val outbox: Outbox, override val reply: CompletableDeferred<PlayerSession?>) : Command
        data class SetRoom(val player: PlayerId, val room: RoomActor?) : Command
        data class Dropped(val player: PlayerId, val outbox: Outbox) : Command
        data class Restore(val session: PlayerSession) : Command
        data class Expire(val player: PlayerId, val epoch: Long) : Command
    }

    private val mailbox = Channel<Command>(config.roomMailbox)
    private val sessions = HashMap<PlayerId, Entry>()

    fun start() = scope.launch {
        mailbox.serveEach(log, "session registry", { command, e -> command.reply?.completeExceptionally(e) }, ::handle)
    }

    private fun handle(command: Command) {
        when (command) {
            is Command.Open -> command.reply.complete(open(command))
            is Command.Resume -> command.reply.complete(resume(command))
            is Command.SetRoom -> sessions[command.player]?.room = command.room
            is Command.Dropped -> dropped(command)
            is Command.Restore -> keep(command.session)
            is Command.Expire -> {
                val entry = sessions[command.player]
                if (entry != null && entry.outbox == null && entry.epoch == command.epoch) sessions.remove(command.player)
            }
        }
    }

    suspend fun open(name: String, bot: Boolean, outbox: Outbox): PlayerSession =
        CompletableDeferred<PlayerSession>().also { mailbox.send(Command.Open(name, bot, outbox, it)) }.await()

    /** The session of [token] now bound to [outbox] (its old connection is closed), or null if unknown or expired. */
    suspend fun resume(token: String, outbox: Outbox): PlayerSession? =
        CompletableDeferred<PlayerSession?>().also { mailbox.send(Command.Resume(token, outbox, it)) }.await()

    suspend fun setRoom(player: PlayerId, room: RoomActor?) = mailbox.send(Command.SetRoom(player, room))

    suspend fun dropped(player: PlayerId, outbox: Outbox) = mailbox.send(Command.Dropped(player, outbox))

    /** Keeps [session] (its token known only by hash) in its room for the grace period, for its player to resume. */
    suspend fun restore(session: PlayerSession) = mailbox.send(Command.Restore(session))

    private fun open(command: Command.Open): PlayerSession {
        var player = secrets.playerId()
        while (player in sessions) player = secrets.playerId()
        val session = PlayerSession(player, Secrets.token(player, secrets.secret()), command.name, command.bot, null)
        sessions[player] = Entry(session, command.outbox)
        return session
    }

    private fun resume(command: Command.Resume): PlayerSession? {
        val (player, _) = Secrets.parseToken(command.token) ?: return null
        val hash = StoreSecrets.hash(command.token)
        val entry = sessions[player]?.takeIf { Secrets.same(it.session.tokenHash.toByteArray(), hash.toByteArray()) } ?: return null
        entry.outbox?.takeIf { it !== command.outbox }?.close(Goodbye(Goodbye.REPLACED, "this session was resumed on another connection"))
        entry.outbox = command.outbox
        entry.epoch++
        return entry.session.copy(token = command.token, room = entry.room)
    }

    private fun dropped(command: Command.Dropped) {
        val entry = sessions[command.player] ?: return
        if (entry.outbox !== command.outbox) return
        entry.outbox = null
        expireLater(command.player, ++entry.epoch)
    }

    private fun keep(session: PlayerSession) {
        if (session.player in sessions) return
        val entry = Entry(session.copy(room = null), null)
        entry.room = session.room
        sessions[session.player] = entry
        expireLater(session.player, entry.epoch)
    }

    private fun expireLater(player: PlayerId, epoch: Long) {
        scope.launch {
            delay(config.graceMillis)
            mailbox.send(Command.Expire(player, epoch))
        }
    }

    private companion object {
        val log = LoggerFactory.getLogger(SessionRegistry::class.java)
    }
}
